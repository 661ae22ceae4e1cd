package dev.dossier.domain.port;

import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import java.util.List;

/** Reads the events of all aggregates in global (commit) order, page by page. */
public interface ReadAllEvents {

    /**
     * Up to {@code limit} events whose global position is {@code from} or later, in position order.
     * Pages never skip an event: reading from the position after the last one returned continues
     * exactly where this page ended, even while other threads or processes append. {@code limit} counts
     * stored events: a stored event that upcasting splits yields all its parts (sharing its position),
     * so a page may hold more than {@code limit} events.
     *
     * @return an empty list when {@code from} is past the last committed event
     * @throws dev.dossier.domain.error.InvalidInputException when {@code limit} is not positive
     */
    List<RecordedEvent> readAll(GlobalPosition from, int limit);

    /** The position of the last committed event; 0 when the store is empty. */
    long lastPosition();
}
