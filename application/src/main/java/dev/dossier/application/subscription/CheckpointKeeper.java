package dev.dossier.application.subscription;

import dev.dossier.domain.model.Checkpoint;
import dev.dossier.domain.model.SubscriberName;
import java.util.Optional;
import java.util.function.Consumer;

/** Loads a subscriber's starting point and saves its checkpoint when it moved; a failed save is retried later. */
final class CheckpointKeeper {
    private final SubscriberName name;
    private final SubscriptionPorts ports;
    private final Consumer<String> errors;
    private long saved = -1;

    CheckpointKeeper(SubscriberName name, SubscriptionPorts ports, Consumer<String> errors) {
        this.name = name;
        this.ports = ports;
        this.errors = errors;
    }

    /** The last position dealt with: the checkpoint's, else where {@code start} says (saved at once). */
    long start(StartPosition start) {
        Optional<Checkpoint> checkpoint = ports.checkpoints().load(name);
        if (checkpoint.isPresent()) {
            saved = checkpoint.get().position();
            return saved;
        }
        long position = start.lastDealtWith(ports.events().lastPosition());
        save(position);
        return position;
    }

    /** Saves {@code position} unless it is the one saved last. */
    void save(long position) {
        if (position == saved) {
            return;
        }
        try {
            ports.checkpoints().save(new Checkpoint(name, position, ports.clock().instant()));
            saved = position;
        } catch (RuntimeException e) {
            errors.accept("saving the checkpoint failed (the next page tries again): " + e);
        }
    }
}
