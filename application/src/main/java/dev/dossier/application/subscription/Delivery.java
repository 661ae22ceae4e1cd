package dev.dossier.application.subscription;

import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.SubscriberName;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Calls a subscriber for one event with retries and backoff, and parks the event when every attempt failed. */
final class Delivery {
    enum Outcome { HANDLED, PARKED, STOPPING }

    private final SubscriberName name;
    private final Subscriber subscriber;
    private final RetryPolicy retry;
    private final SubscriptionPorts ports;
    private final CountDownLatch stopRequested;
    private final Consumer<String> errors;

    Delivery(SubscriberName name, Subscriber subscriber, RetryPolicy retry, SubscriptionPorts ports,
             CountDownLatch stopRequested, Consumer<String> errors) {
        this.name = name;
        this.subscriber = subscriber;
        this.retry = retry;
        this.ports = ports;
        this.stopRequested = stopRequested;
        this.errors = errors;
    }

    /**
     * Delivers {@code event}; {@code earlierAttempts} counts calls made before (a replayed parked event).
     * STOPPING means a close interrupted the retries: the event was neither handled nor parked.
     */
    Outcome deliver(RecordedEvent event, int earlierAttempts) throws InterruptedException {
        String error = "";
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1 && stopRequested.await(retry.backoffBefore(attempt).toMillis(), TimeUnit.MILLISECONDS)) {
                return Outcome.STOPPING;
            }
            try {
                subscriber.handle(event);
                return Outcome.HANDLED;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                error = e.getClass().getName() + ": " + e.getMessage();
                errors.accept("handling " + event.eventType() + " at position " + event.position() + " failed (attempt "
                        + attempt + " of " + retry.maxAttempts() + "): " + error);
            }
        }
        ports.parked().park(ParkedEvent.of(name, event, earlierAttempts + retry.maxAttempts(), error,
                ports.clock().instant()));
        return Outcome.PARKED;
    }
}
