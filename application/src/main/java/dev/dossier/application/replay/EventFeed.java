package dev.dossier.application.replay;

import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.port.ReadAllEvents;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Events in global order that can be walked more than once: a whole store read page by page, or a list. */
@FunctionalInterface
public interface EventFeed {
    /** Events per page when reading a store. */
    int PAGE = 500;

    /** Passes every event to {@code sink}, in global order. */
    void forEach(Consumer<RecordedEvent> sink);

    /** Every committed event of {@code store}, read page by page (only reads). */
    static EventFeed of(ReadAllEvents store) {
        Objects.requireNonNull(store, "store");
        return sink -> {
            long from = 1;
            while (true) {
                List<RecordedEvent> page = store.readAll(GlobalPosition.of(from), PAGE);
                page.forEach(sink);
                if (page.isEmpty()) {
                    return;
                }
                from = page.get(page.size() - 1).position().value() + 1;
            }
        };
    }

    /** The events of a list, which must be in global order. */
    static EventFeed of(List<RecordedEvent> events) {
        List<RecordedEvent> copy = List.copyOf(events);
        return copy::forEach;
    }
}
