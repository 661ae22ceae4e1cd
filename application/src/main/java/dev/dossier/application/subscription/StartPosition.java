package dev.dossier.application.subscription;

import dev.dossier.domain.error.InvalidInputException;

/**
 * Where a subscriber without a checkpoint starts. A subscriber with a checkpoint always resumes right after
 * it, whatever this says (delete the checkpoint to start over).
 */
public sealed interface StartPosition {

    /** The position of the last event considered already dealt with, given the store's last position. */
    long lastDealtWith(long storeLastPosition);

    /** From the first event ever committed. */
    static StartPosition beginning() {
        return new After(0);
    }

    /** Only events committed after the subscription starts. */
    static StartPosition end() {
        return new End();
    }

    /** From the event after {@code position} (0: from the beginning). */
    static StartPosition after(long position) {
        return new After(position);
    }

    /** Events after {@code position}. */
    record After(long position) implements StartPosition {
        public After {
            if (position < 0) {
                throw new InvalidInputException("start position", "must be 0 or more, was " + position);
            }
        }

        @Override
        public long lastDealtWith(long storeLastPosition) {
            return position;
        }
    }

    /** Events after the last one committed when the subscription starts. */
    record End() implements StartPosition {
        @Override
        public long lastDealtWith(long storeLastPosition) {
            return storeLastPosition;
        }
    }
}
