package dev.dossier.application.command;

import dev.dossier.domain.model.CommandId;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import java.util.List;
import java.util.Objects;

/**
 * What handling a command recorded: the aggregate's version after it and its events, in order.
 *
 * @param duplicate true when the command had been handled before and nothing new was recorded; the other
 *                  components are then those of the first handling
 */
public record CommandOutcome(CommandId commandId, StreamId stream, Version newVersion, List<RecordedEvent> events,
                             boolean duplicate) {
    public CommandOutcome {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(newVersion, "newVersion");
        events = List.copyOf(events);
    }
}
