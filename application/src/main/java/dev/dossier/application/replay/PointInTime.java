package dev.dossier.application.replay;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A point in an aggregate's history: now (after every event), after a version, or as of an instant. Loads,
 * time travel and state diffs stop at the first event it does not include.
 */
public sealed interface PointInTime permits PointInTime.Latest, PointInTime.AtVersion, PointInTime.AsOf {

    /** Whether {@code event} had happened at this point. */
    boolean includes(RecordedEvent event);

    static PointInTime latest() {
        return Latest.INSTANCE;
    }

    static PointInTime atVersion(long version) {
        return new AtVersion(Version.of(version));
    }

    static PointInTime atVersion(Version version) {
        return new AtVersion(version);
    }

    static PointInTime asOf(Instant instant) {
        return new AsOf(instant);
    }

    /** After every event. */
    enum Latest implements PointInTime {
        INSTANCE;

        @Override
        public boolean includes(RecordedEvent event) {
            return true;
        }
    }

    /** After the event with this version (version 0: before any event). */
    record AtVersion(Version version) implements PointInTime {
        public AtVersion {
            Objects.requireNonNull(version, "version");
        }

        @Override
        public boolean includes(RecordedEvent event) {
            return event.version().compareTo(version) <= 0;
        }
    }

    /** After every event recorded at or before this instant. */
    record AsOf(Instant instant) implements PointInTime {
        public AsOf {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public boolean includes(RecordedEvent event) {
            return !event.timestamp().isAfter(instant);
        }
    }
}
