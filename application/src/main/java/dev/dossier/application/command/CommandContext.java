package dev.dossier.application.command;

import dev.dossier.application.aggregate.EventContext;
import dev.dossier.domain.model.CommandId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The envelope of a command: its id (what makes handling it idempotent), the correlation id of the
 * conversation it belongs to, and metadata copied into every event it produces.
 */
public record CommandContext(CommandId commandId, Optional<String> correlationId, Map<String, String> metadata) {
    public CommandContext {
        Objects.requireNonNull(commandId, "commandId");
        correlationId = correlationId == null ? Optional.empty() : correlationId;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static CommandContext of(String commandId) {
        return new CommandContext(CommandId.of(commandId), Optional.empty(), Map.of());
    }

    public CommandContext correlatedWith(String correlationId) {
        return new CommandContext(commandId, Optional.of(correlationId), metadata);
    }

    public CommandContext withMetadata(Map<String, String> values) {
        return new CommandContext(commandId, correlationId, values);
    }

    /**
     * What the command's events carry: causation id = the command id; correlation id = the command's
     * correlation id, or the command id when it starts a conversation of its own.
     */
    public EventContext eventContext() {
        return new EventContext(Optional.of(correlationId.orElse(commandId.value())),
                Optional.of(commandId.value()), metadata);
    }
}
