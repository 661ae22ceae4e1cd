package dev.dossier.domain.model;

import java.time.Instant;

/** One aggregate as listed by the store: how many events it has and when the last was written. */
public record AggregateSummary(StreamId stream, long events, Instant lastWrite) {
}
