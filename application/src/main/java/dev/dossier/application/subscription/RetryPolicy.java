package dev.dossier.application.subscription;

import dev.dossier.domain.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How often a failing handler is called for one event, and how long to wait between calls: the first retry
 * after {@code initialBackoff}, each next one {@code multiplier} times longer, never more than {@code maxBackoff}.
 *
 * @param maxAttempts calls in all, 1 or more (1: no retry)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > 1_000) {
            throw new InvalidInputException("retry attempts", "must be 1 to 1000, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new InvalidInputException("retry backoff", "needs 0 <= initial <= max, was " + initialBackoff
                    + " and " + maxBackoff);
        }
        if (!(multiplier >= 1.0 && multiplier <= 100.0)) {
            throw new InvalidInputException("retry multiplier", "must be 1 to 100, was " + multiplier);
        }
    }

    /** 5 attempts, 100 ms doubling up to 5 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5), 2.0);
    }

    /** One attempt: a failure parks the event at once. */
    public static RetryPolicy noRetry() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);
    }

    /** The wait before attempt {@code attempt} (2 or more). */
    public Duration backoffBefore(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 2));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}
