package dev.dossier.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Figures about the whole store.
 *
 * @param bytes bytes of event files on disk (0 for stores that keep nothing on disk)
 */
public record StorageStatistics(
        long events,
        long aggregates,
        long aggregateTypes,
        long eventTypes,
        long bytes,
        Optional<Instant> firstWrite,
        Optional<Instant> lastWrite) {
}
