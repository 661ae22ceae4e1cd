package dev.dossier.domain.port;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import java.time.Instant;
import java.util.List;

/** Finds events by type or by time, answered from an index rather than by reading every event. */
public interface QueryEvents {

    /**
     * Up to {@code limit} stored events of {@code type} at or after {@code from}, in global order.
     * {@code type} is matched against the stored type name, before upcasting (which may rename or split).
     *
     * @return an empty list when there is none
     */
    List<RecordedEvent> readByEventType(EventType type, GlobalPosition from, int limit);

    /**
     * Up to {@code limit} events whose store timestamp is in [{@code since}, {@code until}), in global
     * order. Store timestamps never decrease along global order, so the result is also in time order.
     *
     * @return an empty list when there is none, or when {@code until} is not after {@code since}
     */
    List<RecordedEvent> readByTime(Instant since, Instant until, int limit);
}
