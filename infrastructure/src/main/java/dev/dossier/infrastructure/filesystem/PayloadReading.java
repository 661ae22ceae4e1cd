package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.EventType;
import dev.dossier.infrastructure.common.EventUpcaster;
import dev.dossier.infrastructure.schema.StreamedUpcast;
import java.util.Optional;

/**
 * What a read does with the payloads of events the upcaster does not pass through unchanged: with no
 * upcaster, nothing (each is returned as stored); with one, a payload whose upcast is a chain of plain
 * field changes is upcast while it is bound ({@link StreamedUpcast}), and any other is parsed into a tree
 * in the same pass as its envelope, for the upcaster.
 *
 * @param upcaster the read's upcaster, or null to read every event as stored
 */
record PayloadReading(EventUpcaster upcaster) {
    static final PayloadReading AS_STORED = new PayloadReading(null);

    /** Whether the payload of a stored event of {@code type} at {@code schemaVersion} goes to the upcaster. */
    boolean upcasts(EventType type, int schemaVersion) {
        return upcaster != null && !upcaster.passesThrough(type, schemaVersion);
    }

    /** The on-the-fly upcast of such a payload, or empty when it needs a tree. */
    Optional<StreamedUpcast> streamed(EventType type, int schemaVersion) {
        return upcaster == null ? Optional.empty() : upcaster.streamed(type, schemaVersion);
    }
}
