package dev.dossier.application.subscription;

import dev.dossier.domain.port.CheckpointStore;
import dev.dossier.domain.port.CommitNotifications;
import dev.dossier.domain.port.ParkedEventStore;
import dev.dossier.domain.port.ReadAllEvents;
import java.time.Clock;
import java.util.Objects;

/** What subscriptions need from the outside: the events, where to keep checkpoints and parked events, a wake-up. */
public record SubscriptionPorts(ReadAllEvents events, CommitNotifications commits, CheckpointStore checkpoints,
                                ParkedEventStore parked, Clock clock) {
    public SubscriptionPorts {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(commits, "commits");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(parked, "parked");
        Objects.requireNonNull(clock, "clock");
    }
}
