package dev.dossier.application.replay;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.Version;
import java.time.Instant;
import java.util.Objects;

/** A point in an aggregate's history: after a version, or as of an instant. */
public sealed interface PointInTime permits PointInTime.AtVersion, PointInTime.AsOf {

    /** Whether {@code event} had happened at this point. */
    boolean includes(RecordedEvent event);

    static PointInTime atVersion(long version) {
        return new AtVersion(Version.of(version));
    }

    static PointInTime asOf(Instant instant) {
        return new AsOf(instant);
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
