package dev.dossier.infrastructure.schema;

/** What a read does with an event it cannot bring to a known schema. */
public enum Fallback {
    /** Throw {@link dev.dossier.domain.error.SchemaEvolutionException}; nothing is half-read. */
    FAIL,
    /** Return the event with its payload as {@link dev.dossier.domain.model.RawJson}, never bound to a class. */
    RAW_JSON
}
