package dev.dossier.application.subscription;

import dev.dossier.domain.model.SubscriberName;
import java.util.Objects;
import java.util.Optional;

/**
 * A subscription's state at one moment.
 *
 * @param position     the last event dealt with (handled, parked or filtered out); 0 when none
 * @param lastPosition the store's last position when the status was taken
 * @param parked       the events this subscription parked since it started
 * @param lastError    the last failure (a handler's or the store's), if any
 */
public record SubscriptionStatus(SubscriberName subscriber, SubscriptionState state, long position,
                                 long lastPosition, long parked, Optional<String> lastError) {
    public SubscriptionStatus {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** How many committed events the subscription has not dealt with yet. */
    public long lag() {
        return Math.max(0, lastPosition - position);
    }
}
