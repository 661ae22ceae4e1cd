package dev.dossier.eventstore.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of an in-memory test store: while loading, it reads the timestamp of the event being
 * appended, so the store records the original time; afterwards it is the system clock.
 */
final class ReplayClock extends Clock {
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    void pin(Instant instant) {
        pinned.set(instant);
    }

    void release() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        Instant instant = pinned.get();
        return instant == null ? Instant.now() : instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
