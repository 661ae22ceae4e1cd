package dev.dossier.application.replay;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.RecordedEvent;
import java.time.Duration;

/** How fast a {@link Replay} delivers events: as fast as possible, or the original gaps scaled. */
public sealed interface Pace permits Pace.Fastest, Pace.Scaled {

    /** How long to wait before delivering {@code next} after {@code previous}. */
    Duration delay(RecordedEvent previous, RecordedEvent next);

    static Pace fastest() {
        return new Fastest();
    }

    /** The original pace ({@code speed} 1), or faster ({@code speed} > 1) or slower (< 1). */
    static Pace scaled(double speed) {
        return new Scaled(speed);
    }

    /** No waiting. */
    record Fastest() implements Pace {
        @Override
        public Duration delay(RecordedEvent previous, RecordedEvent next) {
            return Duration.ZERO;
        }
    }

    /** The time between the events' timestamps, divided by {@code speed}; never negative. */
    record Scaled(double speed) implements Pace {
        public Scaled {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new InvalidInputException("replay speed", "must be a positive number, was " + speed);
            }
        }

        @Override
        public Duration delay(RecordedEvent previous, RecordedEvent next) {
            long nanos = Duration.between(previous.timestamp(), next.timestamp()).toNanos();
            return nanos <= 0 ? Duration.ZERO : Duration.ofNanos((long) (nanos / speed));
        }
    }
}
