package dev.dossier.infrastructure.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.model.RecordedEvent;

/** An event with its version, position and stamp assigned, ready to be written and committed. */
public record PreparedEvent(RecordedEvent event, EventStamp stamp, JsonNode tree) {

    /** The index entry for this event once written as {@code bytes} bytes. */
    public IndexEntry entry(long bytes) {
        return new IndexEntry(event.position().value(), stamp, event.stream(), event.version().value(),
                event.eventType(), event.schemaVersion(), event.eventId(), bytes);
    }
}
