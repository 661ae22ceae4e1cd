/**
 * In-memory adapters with the same behaviour as the filesystem ones, for tests: the event store, the
 * snapshot store and the processed-command store.
 */
package dev.dossier.infrastructure.memory;
