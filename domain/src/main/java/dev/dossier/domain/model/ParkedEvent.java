package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event a subscriber's handler failed on, after every retry: the dead letter. The event itself stays in
 * the store; this names it and says what went wrong.
 *
 * @param attempts        how many times the handler was called for it
 * @param error           the last failure, e.g. {@code java.lang.IllegalStateException: no such sku}
 * @param replayRequested whether someone asked for it to be delivered again (the running subscriber does it)
 */
public record ParkedEvent(SubscriberName subscriber, GlobalPosition position, UUID eventId, EventType eventType,
                          StreamId stream, int attempts, String error, Instant parkedAt, boolean replayRequested) {
    public ParkedEvent {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(parkedAt, "parkedAt");
        if (attempts < 1) {
            throw new InvalidInputException("parked event attempts", "must be 1 or more, was " + attempts);
        }
    }

    /** The parked record of {@code event}, failed {@code attempts} times with {@code error}. */
    public static ParkedEvent of(SubscriberName subscriber, RecordedEvent event, int attempts, String error,
                                 Instant parkedAt) {
        return new ParkedEvent(subscriber, event.position(), event.eventId(), event.eventType(), event.stream(),
                attempts, error, parkedAt, false);
    }

    /** The same record, marked for replay (or not). */
    public ParkedEvent withReplayRequested(boolean requested) {
        return new ParkedEvent(subscriber, position, eventId, eventType, stream, attempts, error, parkedAt, requested);
    }
}
