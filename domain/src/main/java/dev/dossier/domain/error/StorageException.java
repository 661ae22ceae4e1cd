package dev.dossier.domain.error;

/**
 * The storage failed underneath the store (an I/O error, a full disk). The operation did not take
 * effect: an append that fails with this exception was not recorded. A retry may help once the cause
 * (e.g. disk space) is fixed.
 */
public final class StorageException extends EventStoreException {
    private final String operation;

    public StorageException(String operation, Throwable cause) {
        super("Storage failure while trying to " + operation + ": " + cause, cause);
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
