package dev.dossier.infrastructure.memory;

import dev.dossier.domain.model.CommandId;
import dev.dossier.domain.model.ProcessedCommand;
import dev.dossier.domain.port.ProcessedCommandStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ProcessedCommandStore} in memory, for host tools' tests; nothing survives the JVM. */
public final class InMemoryProcessedCommandStore implements ProcessedCommandStore {
    private final Map<CommandId, ProcessedCommand> commands = new ConcurrentHashMap<>();

    @Override
    public Optional<ProcessedCommand> find(CommandId commandId) {
        return Optional.ofNullable(commands.get(commandId));
    }

    @Override
    public void record(ProcessedCommand command) {
        commands.put(command.commandId(), command);
    }
}
