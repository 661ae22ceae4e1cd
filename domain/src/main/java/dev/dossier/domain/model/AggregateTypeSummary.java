package dev.dossier.domain.model;

import java.time.Instant;

/** One aggregate type as listed by the store: its aggregates, their events, the last write. */
public record AggregateTypeSummary(AggregateType type, long aggregates, long events, Instant lastWrite) {
}
