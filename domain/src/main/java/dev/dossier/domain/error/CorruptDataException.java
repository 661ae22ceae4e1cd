package dev.dossier.domain.error;

/**
 * A file of the store does not hold what the format says it must (truncated, hand-edited, in the wrong
 * place). Run {@code eventstore verify} to list every such problem; retrying does not help.
 */
public final class CorruptDataException extends EventStoreException {
    private final String file;

    public CorruptDataException(String file, String problem) {
        this(file, problem, null);
    }

    public CorruptDataException(String file, String problem, Throwable cause) {
        super("Corrupt store file " + file + ": " + problem, cause);
        this.file = file;
    }

    /** The path of the offending file. */
    public String file() {
        return file;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
