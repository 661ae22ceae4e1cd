package dev.dossier.application.subscription;

import dev.dossier.domain.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a subscription runs. {@link #defaults()}: every event, from the beginning, default retries, park and
 * continue, pages of 256 events, a safety re-read every second when no notification came.
 *
 * @param pollInterval the longest the subscription waits without reading again, whatever the notifications say
 */
public record SubscriptionOptions(EventFilter filter, StartPosition start, RetryPolicy retry, OnParked onParked,
                                  int batchSize, Duration pollInterval) {
    public SubscriptionOptions {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(onParked, "onParked");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new InvalidInputException("batch size", "must be 1 to 10000, was " + batchSize);
        }
        if (pollInterval.toMillis() < 1) {
            throw new InvalidInputException("poll interval", "must be 1 ms or more, was " + pollInterval);
        }
    }

    public static SubscriptionOptions defaults() {
        return new SubscriptionOptions(EventFilter.all(), StartPosition.beginning(), RetryPolicy.defaults(),
                OnParked.CONTINUE, 256, Duration.ofSeconds(1));
    }

    public SubscriptionOptions filter(EventFilter value) {
        return new SubscriptionOptions(value, start, retry, onParked, batchSize, pollInterval);
    }

    public SubscriptionOptions start(StartPosition value) {
        return new SubscriptionOptions(filter, value, retry, onParked, batchSize, pollInterval);
    }

    public SubscriptionOptions retry(RetryPolicy value) {
        return new SubscriptionOptions(filter, start, value, onParked, batchSize, pollInterval);
    }

    public SubscriptionOptions onParked(OnParked value) {
        return new SubscriptionOptions(filter, start, retry, value, batchSize, pollInterval);
    }

    public SubscriptionOptions batchSize(int value) {
        return new SubscriptionOptions(filter, start, retry, onParked, value, pollInterval);
    }

    public SubscriptionOptions pollInterval(Duration value) {
        return new SubscriptionOptions(filter, start, retry, onParked, batchSize, value);
    }
}
