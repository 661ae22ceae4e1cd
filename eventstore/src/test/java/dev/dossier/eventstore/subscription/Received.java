package dev.dossier.eventstore.subscription;

import dev.dossier.application.subscription.Subscriber;
import dev.dossier.domain.model.RecordedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A subscriber that records what it receives and lets a test wait, with a deadline, for a condition on it. */
final class Received implements Subscriber {
    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<Long> caughtUpAt = new ArrayList<>();
    private final Predicate<RecordedEvent> fails;

    Received() {
        this(e -> false);
    }

    /** Throws for every event {@code fails} accepts. */
    Received(Predicate<RecordedEvent> fails) {
        this.fails = fails;
    }

    @Override
    public synchronized void handle(RecordedEvent event) {
        if (fails.test(event)) {
            throw new IllegalStateException("cannot handle " + event.eventType() + " at " + event.position());
        }
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void caughtUp(long position) {
        caughtUpAt.add(position);
        notifyAll();
    }

    synchronized List<RecordedEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<Long> positions() {
        return events.stream().map(e -> e.position().value()).toList();
    }

    synchronized List<Long> caughtUpAt() {
        return List.copyOf(caughtUpAt);
    }

    /** Waits until at least {@code count} events arrived; fails the test after {@code timeout}. */
    synchronized List<RecordedEvent> awaitCount(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("received " + events.size() + " of " + count + " events in " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(events);
    }
}
