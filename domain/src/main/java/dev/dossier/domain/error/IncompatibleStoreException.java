package dev.dossier.domain.error;

/**
 * The directory is not a Dossier store (it is not empty and has no format marker), or it is a store of a
 * newer format version than this code understands. Nothing was changed.
 */
public final class IncompatibleStoreException extends EventStoreException {
    private final String location;

    public IncompatibleStoreException(String location, String problem) {
        super("Cannot open " + location + " as an event store: " + problem);
        this.location = location;
    }

    public String location() {
        return location;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
