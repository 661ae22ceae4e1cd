/**
 * A fault-injecting wrapper around the default {@code java.nio.file} file system, for tests:
 * {@link dev.dossier.infrastructure.faults.Faults} counts every operation and fails the chosen one (or
 * fills the disk), and {@link dev.dossier.infrastructure.faults.PowerCutModel} tracks what a power cut
 * would leave on disk. The store under test reaches every file through the wrapper, because it only ever
 * uses paths of its root's file system.
 */
package dev.dossier.infrastructure.faults;
