package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.RecordedEvent;

/** An event with its version, position and stamp assigned, ready to be written and committed. */
public record PreparedEvent(RecordedEvent event, EventStamp stamp) {

    /** The index entry for this event once written as {@code bytes} bytes. */
    public IndexEntry entry(long bytes) {
        return new IndexEntry(event.position().value(), stamp, event.stream(), event.version().value(),
                event.eventType(), event.schemaVersion(), event.eventId(), bytes);
    }
}
