package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;

/**
 * A payload kept as JSON text: what a reader gets for an event type that has no registered class, and
 * what a caller may append when it has JSON rather than an object. Adapters check that it parses.
 */
public record RawJson(String json) {
    public RawJson {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException("payload", "JSON text must not be empty");
        }
    }

    public static RawJson of(String json) {
        return new RawJson(json);
    }

    @Override
    public String toString() {
        return json;
    }
}
