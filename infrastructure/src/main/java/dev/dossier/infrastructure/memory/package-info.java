/** An event store that keeps everything in memory, with the same behaviour as the filesystem store; for tests. */
package dev.dossier.infrastructure.memory;
