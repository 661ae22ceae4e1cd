package dev.dossier.application.subscription;

import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.SubscriberName;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Delivers again the parked events someone marked for replay: each one the handler now accepts is removed
 * from the dead-letter area; each one it fails on again is parked again, unmarked, with the new error.
 */
final class ParkedReplay {
    private final SubscriberName name;
    private final SubscriptionPorts ports;
    private final Delivery delivery;
    private final Consumer<String> errors;

    ParkedReplay(SubscriberName name, SubscriptionPorts ports, Delivery delivery, Consumer<String> errors) {
        this.name = name;
        this.ports = ports;
        this.delivery = delivery;
        this.errors = errors;
    }

    void run(BooleanSupplier stopping) throws InterruptedException {
        List<ParkedEvent> marked;
        try {
            marked = ports.parked().list(Optional.of(name)).stream().filter(ParkedEvent::replayRequested).toList();
        } catch (RuntimeException e) {
            errors.accept("listing the parked events failed: " + e);
            return;
        }
        for (ParkedEvent parked : marked) {
            if (stopping.getAsBoolean()) {
                return;
            }
            List<RecordedEvent> found = ports.events().readAll(parked.position(), 1);
            if (found.isEmpty() || !found.get(0).eventId().equals(parked.eventId())) {
                errors.accept("the parked event at position " + parked.position() + " is not in the store");
                ports.parked().park(parked.withReplayRequested(false));
                continue;
            }
            if (delivery.deliver(found.get(0), parked.attempts()) == Delivery.Outcome.HANDLED) {
                ports.parked().remove(name, parked.position());
            }
        }
    }
}
