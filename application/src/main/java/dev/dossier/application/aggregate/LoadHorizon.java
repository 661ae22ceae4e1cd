package dev.dossier.application.aggregate;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.Version;
import java.time.Instant;
import java.util.Objects;

/** How far into an aggregate's history a load goes: to the end, to a version, or to an instant. */
public sealed interface LoadHorizon {

    /** Whether {@code event} is within the horizon; a load stops at the first event that is not. */
    boolean includes(RecordedEvent event);

    static LoadHorizon latest() {
        return Latest.INSTANCE;
    }

    static LoadHorizon atVersion(Version version) {
        return new AtVersion(version);
    }

    static LoadHorizon asOf(Instant instant) {
        return new AsOf(instant);
    }

    /** Every event. */
    enum Latest implements LoadHorizon {
        INSTANCE;

        @Override
        public boolean includes(RecordedEvent event) {
            return true;
        }
    }

    /** The events up to and including {@code version}. */
    record AtVersion(Version version) implements LoadHorizon {
        public AtVersion {
            Objects.requireNonNull(version, "version");
        }

        @Override
        public boolean includes(RecordedEvent event) {
            return event.version().compareTo(version) <= 0;
        }
    }

    /**
     * The events recorded at or before {@code instant} (store timestamps never decrease along a stream, so
     * these are its leading events).
     */
    record AsOf(Instant instant) implements LoadHorizon {
        public AsOf {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public boolean includes(RecordedEvent event) {
            return !event.timestamp().isAfter(instant);
        }
    }
}
