package dev.dossier.domain.error;

/**
 * An event cannot be brought to the schema the code knows: no upcaster leads from its stored schema
 * version to the current one, it is newer than the code knows, its type is unknown (when the store is
 * configured to refuse those), or an upcaster produced something other than it declared. Nothing is
 * half-read: the caller gets this error instead of a partly filled object. Retrying does not help; the
 * host's schema definitions must change (add the missing upcaster, upgrade the code).
 */
public final class SchemaEvolutionException extends EventStoreException {
    /** What went wrong. */
    public enum Problem { MISSING_UPCASTER, NEWER_THAN_KNOWN, UNKNOWN_TYPE, INVALID_UPCASTER }

    private final String eventType;
    private final int schemaVersion;
    private final Problem problem;

    public SchemaEvolutionException(String eventType, int schemaVersion, Problem problem, String detail) {
        super("Event type '" + eventType + "' at schema version " + schemaVersion + ": " + detail);
        this.eventType = eventType;
        this.schemaVersion = schemaVersion;
        this.problem = problem;
    }

    /** The stored event type name. */
    public String eventType() {
        return eventType;
    }

    /** The stored schema version the problem concerns. */
    public int schemaVersion() {
        return schemaVersion;
    }

    public Problem problem() {
        return problem;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
