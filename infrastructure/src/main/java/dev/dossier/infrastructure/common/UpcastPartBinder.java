package dev.dossier.infrastructure.common;

import dev.dossier.domain.error.SchemaEvolutionException;
import dev.dossier.domain.error.SchemaEvolutionException.Problem;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.json.PayloadCodec;
import dev.dossier.infrastructure.schema.Fallback;
import dev.dossier.infrastructure.schema.JsonEvent;
import dev.dossier.infrastructure.schema.SchemaEvolution;

/**
 * Turns one part an upcast chain gave for a stored event into the event a reader gets: the stored
 * event's id, version, position and timestamp with the part's type, version and data, its payload bound
 * to the registered class when the part is at the current version, else raw JSON when the fallback says so.
 * Throws {@link SchemaEvolutionException} when an upcaster step is missing, or when the part is newer than
 * known or of an unknown type and the fallback is to fail.
 */
final class UpcastPartBinder {
    private final SchemaEvolution evolution;
    private final EventTypeRegistry registry;
    private final PayloadCodec codec;

    UpcastPartBinder(SchemaEvolution evolution, PayloadCodec codec) {
        this.evolution = evolution;
        this.registry = codec.registry();
        this.codec = codec;
    }

    /**
     * The event a reader gets for {@code part} of {@code stored}.
     *
     * @throws SchemaEvolutionException when it cannot be brought to a known schema and the fallback is to fail
     */
    RecordedEvent finish(RecordedEvent stored, JsonEvent part) {
        boolean unchanged = part.type().equals(stored.eventType()) && part.version() == stored.schemaVersion();
        RawJson data = unchanged ? stored.data() : codec.text(part.data(), evolution.mayDeepen());
        return stored.toBuilder().eventType(part.type()).schemaVersion(part.version()).data(data)
                .payload(payload(stored, part, data)).build();
    }

    private Object payload(RecordedEvent stored, JsonEvent part, RawJson data) {
        EventType type = part.type();
        if (registry.isRegistered(type)) {
            int current = registry.schemaVersionOf(type);
            if (part.version() == current) {
                return codec.binder().bind(type, data, part.data());
            }
            if (part.version() > current) {
                return fallback(evolution.onNewerVersion(), stored, data, Problem.NEWER_THAN_KNOWN,
                        "the stored schema is newer than the current version " + current
                                + " this code registers for " + type + " (upgrade the code, or read it as raw JSON)");
            }
            throw missing(stored, part, "the current version of " + type + " is " + current);
        }
        if (evolution.hasSteps(type)) {
            throw missing(stored, part, "no class is registered for " + type);
        }
        return fallback(evolution.onUnknownType(), stored, data, Problem.UNKNOWN_TYPE,
                "no class is registered for " + type + " and no upcaster leads from it");
    }

    private static Object fallback(Fallback fallback, RecordedEvent stored, RawJson data, Problem problem,
                                   String detail) {
        if (fallback == Fallback.RAW_JSON) {
            return data;
        }
        throw new SchemaEvolutionException(stored.eventType().value(), stored.schemaVersion(), problem,
                detail + " (event " + stored.eventId() + " of " + stored.stream() + ")");
    }

    private static SchemaEvolutionException missing(RecordedEvent stored, JsonEvent part, String why) {
        return new SchemaEvolutionException(stored.eventType().value(), stored.schemaVersion(),
                Problem.MISSING_UPCASTER, "no upcaster starts at " + part.at() + " and " + why
                + " (event " + stored.eventId() + " of " + stored.stream() + "). Add the missing upcaster step.");
    }
}
