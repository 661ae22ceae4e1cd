package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.EventType;
import dev.dossier.infrastructure.common.EventUpcaster;
import dev.dossier.infrastructure.schema.StreamedUpcast;
import java.util.Optional;

/**
 * What a read does with the payloads of events the upcaster does not pass through unchanged: {@link
 * AsStored} returns every event as stored; {@link Upcasting} upcasts a payload whose chain is plain field
 * changes while it is bound ({@link StreamedUpcast}), and parses any other into a tree in the same pass
 * as its envelope, for the upcaster.
 */
sealed interface PayloadReading {
    /** Every event as stored. */
    PayloadReading AS_STORED = new AsStored();

    /** Whether the payload of a stored event of {@code type} at {@code schemaVersion} goes to the upcaster. */
    boolean upcasts(EventType type, int schemaVersion);

    /** The on-the-fly upcast of such a payload; empty when it needs a tree. */
    Optional<StreamedUpcast> streamed(EventType type, int schemaVersion);

    /** Reads every event as stored. */
    record AsStored() implements PayloadReading {
        @Override
        public boolean upcasts(EventType type, int schemaVersion) {
            return false;
        }

        @Override
        public Optional<StreamedUpcast> streamed(EventType type, int schemaVersion) {
            return Optional.empty();
        }
    }

    /** Hands the payloads that do not pass through to {@code upcaster}, or upcasts them as they are bound. */
    record Upcasting(EventUpcaster upcaster) implements PayloadReading {
        @Override
        public boolean upcasts(EventType type, int schemaVersion) {
            return !upcaster.passesThrough(type, schemaVersion);
        }

        @Override
        public Optional<StreamedUpcast> streamed(EventType type, int schemaVersion) {
            return upcaster.streamed(type, schemaVersion);
        }
    }
}
