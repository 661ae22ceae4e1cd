package dev.dossier.application.subscription;

import dev.dossier.domain.model.RecordedEvent;

/**
 * The host's code behind a subscription. Called from one thread at a time, in global order. Delivery is
 * at least once: after a crash or a failed checkpoint write, events after the last checkpoint come again,
 * so handling must be idempotent (for instance, skip events at or below a position the handler stored).
 */
@FunctionalInterface
public interface Subscriber {

    /**
     * Handles one event. Throwing asks for a retry (after a backoff); after the last attempt the event is
     * parked and the subscription goes on or stops, as its options say.
     */
    void handle(RecordedEvent event) throws Exception;

    /** Called once, the first time the subscriber has seen every event committed so far; then live events follow. */
    default void caughtUp(long position) {
    }
}
