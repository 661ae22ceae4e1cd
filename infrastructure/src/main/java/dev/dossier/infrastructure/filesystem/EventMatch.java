package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.common.IndexEntry;
import java.util.function.Supplier;

/** The check that an event read from a file is the one its index entry names. */
final class EventMatch {
    private EventMatch() {
    }

    /**
     * Returns {@code decoded} when its event agrees with {@code entry}.
     *
     * @throws CorruptDataException as {@link #check} does
     */
    static EventFileCodec.Decoded checked(IndexEntry entry, EventFileCodec.Decoded decoded, Supplier<String> file) {
        check(entry, decoded.event(), file);
        return decoded;
    }

    /**
     * Returns {@code event} when it agrees with {@code entry}.
     *
     * @throws CorruptDataException naming {@code file} when aggregate, version, position, type or id differ
     */
    static RecordedEvent check(IndexEntry entry, RecordedEvent event, Supplier<String> file) {
        if (event.position().value() != entry.position() || event.version().value() != entry.version()
                || !event.stream().equals(entry.stream()) || !event.eventType().equals(entry.eventType())
                || !event.eventId().equals(entry.eventId())) {
            throw new CorruptDataException(file.get(), "the envelope (" + event.stream() + " version " + event.version()
                    + ", position " + event.position() + ", " + event.eventType() + ") does not match the index ("
                    + entry.stream() + " version " + entry.version() + ", position " + entry.position() + ", "
                    + entry.eventType() + ")");
        }
        return event;
    }
}
