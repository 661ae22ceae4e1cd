package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.common.EventStamp;

/**
 * An event that parsed, with where it lies: its relative path (with the line for a range file), its stamp,
 * and its file's size ({@link #IN_RANGE} on a line of a range file).
 */
record CheckedEvent(String path, EventStamp stamp, RecordedEvent event, long bytes) {
    /** The size of an event on a line of a range file, which the index does not record. */
    static final long IN_RANGE = -1;
}
