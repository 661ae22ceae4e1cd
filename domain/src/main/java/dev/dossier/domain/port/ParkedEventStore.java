package dev.dossier.domain.port;

import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.SubscriberName;
import java.util.List;
import java.util.Optional;

/**
 * The dead-letter area: events a subscriber's handler kept failing on, one record per subscriber and
 * position. Implementations are thread-safe; each record is written atomically.
 */
public interface ParkedEventStore {

    /**
     * Stores {@code parked}, replacing any record of the same subscriber and position.
     *
     * @throws dev.dossier.domain.error.StorageException when it cannot be written (nothing changed)
     */
    void park(ParkedEvent parked);

    /** The parked events of {@code subscriber}, or of every subscriber when empty, by subscriber then position. */
    List<ParkedEvent> list(Optional<SubscriberName> subscriber);

    /** One parked event; empty when there is none at that position. */
    Optional<ParkedEvent> find(SubscriberName subscriber, GlobalPosition position);

    /** Removes one record (after a successful replay); no-op when absent. */
    void remove(SubscriberName subscriber, GlobalPosition position);

    /**
     * Marks parked events for replay: the one at {@code position}, or all of the subscriber's when empty.
     * A running subscription delivers marked events again and removes each one its handler then accepts.
     *
     * @return how many records were marked
     */
    default int requestReplay(SubscriberName subscriber, Optional<GlobalPosition> position) {
        int marked = 0;
        for (ParkedEvent parked : list(Optional.of(subscriber))) {
            if (position.map(p -> p.equals(parked.position())).orElse(true)) {
                park(parked.withReplayRequested(true));
                marked++;
            }
        }
        return marked;
    }
}
