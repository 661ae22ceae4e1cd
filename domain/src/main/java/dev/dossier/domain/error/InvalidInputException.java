package dev.dossier.domain.error;

/** A caller passed something the store cannot take (a name, a payload, a limit). Nothing was written. */
public final class InvalidInputException extends EventStoreException {
    private final String field;

    public InvalidInputException(String field, String problem) {
        super("Invalid " + field + ": " + problem);
        this.field = field;
    }

    /** Which input was wrong, e.g. {@code "aggregate id"}. */
    public String field() {
        return field;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
