/**
 * Tests that prove the filesystem store loses nothing acknowledged and exposes nothing partial under
 * injected I/O errors, a full disk, power cuts, killed processes and concurrent writers in several
 * processes; see {@code docs/reliability.md}. Every test audits the store afterwards with
 * {@link dev.dossier.infrastructure.reliability.StoreAudit}.
 */
package dev.dossier.infrastructure.reliability;
