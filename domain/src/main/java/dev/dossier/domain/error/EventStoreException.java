package dev.dossier.domain.error;

/** Base of every error a Dossier port throws; never a checked exception. */
public abstract class EventStoreException extends RuntimeException {

    protected EventStoreException(String message) {
        super(message);
    }

    protected EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether repeating the same call (after reloading state, where relevant) can succeed. */
    public abstract boolean isRetryable();
}
