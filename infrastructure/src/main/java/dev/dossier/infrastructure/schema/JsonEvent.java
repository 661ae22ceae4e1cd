package dev.dossier.infrastructure.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.model.EventType;
import java.util.Objects;

/**
 * An event payload while it is upcast: its type, schema version and JSON tree. Upcasters may change the
 * tree in place; it is a private copy parsed from the stored text.
 */
public record JsonEvent(EventType type, int version, JsonNode data) {
    public JsonEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    public TypeVersion at() {
        return new TypeVersion(type, version);
    }
}
