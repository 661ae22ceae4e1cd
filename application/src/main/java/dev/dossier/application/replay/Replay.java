package dev.dossier.application.replay;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.port.ReadAllEvents;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Replays a store's events, in global order, into handlers: all at once, up to a position or an instant,
 * or step by step. Between two calls the handlers' state can be inspected; nothing runs in the
 * background. A replay only reads its source (it sees the source through {@link ReadAllEvents}, which
 * has no way to write). Not thread-safe: one thread drives a replay.
 */
public final class Replay {
    private final ReadAllEvents source;
    private final List<ReplayHandler> handlers;
    private final Pace pace;
    private final Sleeper sleeper;
    private final ArrayDeque<RecordedEvent> buffer = new ArrayDeque<>();
    private long nextPosition = 1;
    private RecordedEvent last;
    private long delivered;

    public Replay(ReadAllEvents source, List<ReplayHandler> handlers, Pace pace, Sleeper sleeper) {
        this.source = Objects.requireNonNull(source, "source");
        this.handlers = List.copyOf(handlers);
        this.pace = Objects.requireNonNull(pace, "pace");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A replay as fast as possible into {@code handlers}. */
    public static Replay of(ReadAllEvents source, ReplayHandler... handlers) {
        return new Replay(source, List.of(handlers), Pace.fastest(), Sleeper.system());
    }

    /** The event the next step would deliver, without delivering it; empty at the end. */
    public Optional<RecordedEvent> peek() {
        if (buffer.isEmpty()) {
            List<RecordedEvent> page = source.readAll(GlobalPosition.of(nextPosition), EventFeed.PAGE);
            buffer.addAll(page);
            if (!page.isEmpty()) {
                nextPosition = page.get(page.size() - 1).position().value() + 1;
            }
        }
        return Optional.ofNullable(buffer.peekFirst());
    }

    /** Delivers the next event to every handler (after the pace's wait) and returns it; empty at the end. */
    public Optional<RecordedEvent> next() {
        Optional<RecordedEvent> next = peek();
        next.ifPresent(event -> {
            if (last != null) {
                sleeper.sleep(pace.delay(last, event));
            }
            handlers.forEach(handler -> handler.handle(event));
            buffer.removeFirst();
            last = event;
            delivered++;
        });
        return next;
    }

    /** Delivers every remaining event; returns how many. */
    public long runAll() {
        return runWhile(event -> true);
    }

    /** Delivers the remaining events whose global position is at most {@code position}; returns how many. */
    public long runToPosition(long position) {
        return runWhile(event -> event.position().value() <= position);
    }

    /** Delivers the remaining events recorded at or before {@code instant}; returns how many. */
    public long runUntil(Instant instant) {
        return runWhile(event -> !event.timestamp().isAfter(instant));
    }

    /** Delivers events up to and including the next one of {@code type}; returns it, or empty at the end. */
    public Optional<RecordedEvent> runToEventType(EventType type) {
        return runTo(event -> event.eventType().equals(type));
    }

    /** Delivers events up to and including the next one {@code stop} accepts; returns it, or empty at the end. */
    public Optional<RecordedEvent> runTo(Predicate<RecordedEvent> stop) {
        Optional<RecordedEvent> event;
        do {
            event = next();
        } while (event.isPresent() && !stop.test(event.get()));
        return event;
    }

    private long runWhile(Predicate<RecordedEvent> include) {
        long before = delivered;
        while (peek().filter(include).isPresent()) {
            next();
        }
        return delivered - before;
    }

    /** The last event delivered; empty before the first step. */
    public Optional<RecordedEvent> lastDelivered() {
        return Optional.ofNullable(last);
    }

    /** How many events were delivered so far. */
    public long delivered() {
        return delivered;
    }

    /** Whether every event has been delivered. */
    public boolean isFinished() {
        return peek().isEmpty();
    }
}
