package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.common.EventStamp;

/** An event file that parsed, with where it lies: its relative path, the stamp of its name, its size. */
record CheckedEvent(String path, EventStamp stamp, RecordedEvent event, long bytes) {
}
