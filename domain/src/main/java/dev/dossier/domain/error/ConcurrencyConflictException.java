package dev.dossier.domain.error;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;

/**
 * An append's expected version did not match the aggregate's current version. Nothing was written.
 * A retry is appropriate after reloading the aggregate and re-running the command.
 */
public final class ConcurrencyConflictException extends EventStoreException {
    private final StreamId stream;
    private final ExpectedVersion expected;
    private final Version actual;

    public ConcurrencyConflictException(StreamId stream, ExpectedVersion expected, Version actual) {
        super("Version conflict on " + stream + ": expected " + expected + ", but the current version is "
                + actual.value() + ". Reload the aggregate and retry the command.");
        this.stream = stream;
        this.expected = expected;
        this.actual = actual;
    }

    public StreamId stream() {
        return stream;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    public Version actual() {
        return actual;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
