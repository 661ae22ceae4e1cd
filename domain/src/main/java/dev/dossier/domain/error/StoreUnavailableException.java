package dev.dossier.domain.error;

/**
 * The store cannot serve the call right now: it is closed, locked by another process for too long, or
 * it stopped accepting writes after a failure it could not undo. Reopening the store may help.
 */
public final class StoreUnavailableException extends EventStoreException {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
