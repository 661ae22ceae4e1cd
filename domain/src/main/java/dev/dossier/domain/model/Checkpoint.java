package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * How far a subscriber got: every event at or before {@code position} was handled (or parked, or did not
 * match its filter). A restarted subscriber resumes at {@code position + 1}.
 *
 * @param position the global position of the last event dealt with; 0 when none was
 */
public record Checkpoint(SubscriberName subscriber, long position, Instant savedAt) {
    public Checkpoint {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(savedAt, "savedAt");
        if (position < 0) {
            throw new InvalidInputException("checkpoint position", "must be 0 or more, was " + position);
        }
    }

    /** The position to read from next. */
    public GlobalPosition next() {
        return GlobalPosition.of(position + 1);
    }
}
