package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import java.util.UUID;

/**
 * What the index knows of one committed event without reading its body.
 *
 * @param bytes the size of the event's file on disk; 0 for the in-memory store
 */
public record IndexEntry(long position, EventStamp stamp, StreamId stream, long version, EventType eventType,
                         int schemaVersion, UUID eventId, long bytes) {
}
