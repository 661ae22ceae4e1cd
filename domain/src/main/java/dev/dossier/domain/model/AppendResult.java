package dev.dossier.domain.model;

import java.util.List;
import java.util.Objects;

/** What an append recorded: the aggregate's new version and the recorded events, in order. */
public record AppendResult(StreamId stream, Version newVersion, List<RecordedEvent> events) {
    public AppendResult {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(newVersion, "newVersion");
        events = List.copyOf(events);
    }

    /** The global position of the last recorded event. */
    public GlobalPosition lastPosition() {
        return events.get(events.size() - 1).position();
    }
}
