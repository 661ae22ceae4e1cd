package dev.dossier.application.projection;

import dev.dossier.application.subscription.SubscriptionStatus;
import dev.dossier.domain.model.SubscriberName;
import java.util.Objects;
import java.util.Optional;

/**
 * A projection's state: the generation that serves queries, its subscription (position, lag), and the
 * rebuild in progress, if any.
 */
public record ProjectionStatus(SubscriberName projection, int generation, SubscriptionStatus serving,
                               Optional<SubscriptionStatus> rebuilding) {
    public ProjectionStatus {
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(rebuilding, "rebuilding");
    }

    /** How many committed events the serving read model does not reflect yet. */
    public long lag() {
        return serving.lag();
    }
}
