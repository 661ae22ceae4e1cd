package dev.dossier.domain.port;

import dev.dossier.domain.model.CommandId;
import dev.dossier.domain.model.ProcessedCommand;
import java.util.Optional;

/**
 * Remembers the commands that were handled, across restarts, so that a command handled again (a retry
 * after a timeout, a duplicate delivery) records its events only once. Implementations are thread-safe.
 */
public interface ProcessedCommandStore {

    /** What is remembered about {@code commandId}; empty when it was never recorded. */
    Optional<ProcessedCommand> find(CommandId commandId);

    /**
     * Records {@code command}, replacing what was remembered about its id, durably and atomically.
     *
     * @throws dev.dossier.domain.error.StorageException when it cannot be written (nothing changed)
     */
    void record(ProcessedCommand command);
}
