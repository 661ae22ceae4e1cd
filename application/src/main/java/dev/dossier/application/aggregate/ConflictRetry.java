package dev.dossier.application.aggregate;

import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.error.InvalidInputException;
import java.util.function.Supplier;

/**
 * Runs a unit of work (load, decide, save) again when its save lost a race to another writer, up to a
 * bounded number of attempts. The unit must reload the aggregate each time; any other exception ends the
 * retries at once.
 *
 * @param maxAttempts how many times the unit runs at most (1 = no retry)
 */
public record ConflictRetry(int maxAttempts) {
    public ConflictRetry {
        if (maxAttempts < 1) {
            throw new InvalidInputException("max attempts", "must be 1 or more, was " + maxAttempts);
        }
    }

    public static ConflictRetry upTo(int maxAttempts) {
        return new ConflictRetry(maxAttempts);
    }

    public static ConflictRetry none() {
        return new ConflictRetry(1);
    }

    /**
     * The result of the first attempt of {@code unit} that does not end in a conflict.
     *
     * @throws ConcurrencyConflictException the last conflict, when every attempt ended in one
     */
    public <T> T run(Supplier<T> unit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return unit.get();
            } catch (ConcurrencyConflictException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
            }
        }
    }
}
