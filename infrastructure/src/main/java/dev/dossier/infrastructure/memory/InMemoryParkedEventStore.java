package dev.dossier.infrastructure.memory;

import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.ParkedEventStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Parked events in memory, for tests; nothing survives the JVM. */
public final class InMemoryParkedEventStore implements ParkedEventStore {
    private record Key(SubscriberName subscriber, GlobalPosition position) {
    }

    private final Map<Key, ParkedEvent> parked = new ConcurrentHashMap<>();

    @Override
    public void park(ParkedEvent event) {
        parked.put(new Key(event.subscriber(), event.position()), event);
    }

    @Override
    public List<ParkedEvent> list(Optional<SubscriberName> subscriber) {
        return parked.values().stream()
                .filter(p -> subscriber.map(p.subscriber()::equals).orElse(true))
                .sorted(Comparator.comparing(ParkedEvent::subscriber).thenComparing(ParkedEvent::position))
                .toList();
    }

    @Override
    public Optional<ParkedEvent> find(SubscriberName subscriber, GlobalPosition position) {
        return Optional.ofNullable(parked.get(new Key(subscriber, position)));
    }

    @Override
    public void remove(SubscriberName subscriber, GlobalPosition position) {
        parked.remove(new Key(subscriber, position));
    }
}
