package dev.dossier.infrastructure.schema;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.EventType;
import java.util.Objects;

/** An event type at one schema version: where an upcaster starts, or what it produces. */
public record TypeVersion(EventType type, int version) {
    public TypeVersion {
        Objects.requireNonNull(type, "type");
        if (version < 1) {
            throw new InvalidInputException("schema version", "of '" + type + "' must be 1 or more, was " + version);
        }
    }

    public static TypeVersion of(String type, int version) {
        return new TypeVersion(EventType.of(type), version);
    }

    /** The same type one version later. */
    public TypeVersion next() {
        return new TypeVersion(type, version + 1);
    }

    @Override
    public String toString() {
        return type + " v" + version;
    }
}
