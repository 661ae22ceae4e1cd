package dev.dossier.application.command;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.CommandId;
import dev.dossier.domain.model.ProcessedCommand;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.ProcessedCommandStore;
import dev.dossier.domain.port.ReadStreams;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an earlier handling of a command, rebuilt from its record and the stream: the events of a
 * completed command are read back by version; those of a command whose record says {@code STARTED} are
 * found by their causation id (and the record is completed), or are absent when its append never happened.
 */
final class EarlierOutcome {
    private final ReadStreams streams;
    private final ProcessedCommandStore processed;
    private final Clock clock;

    EarlierOutcome(ReadStreams streams, ProcessedCommandStore processed, Clock clock) {
        this.streams = streams;
        this.processed = processed;
        this.clock = clock;
    }

    Optional<CommandOutcome> find(CommandId commandId, StreamId stream) {
        Optional<ProcessedCommand> found = processed.find(commandId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProcessedCommand record = found.get();
        if (!record.stream().equals(stream)) {
            throw new InvalidInputException("command id", "'" + commandId + "' was already handled for "
                    + record.stream() + "; it cannot be used for " + stream);
        }
        if (record.isCompleted()) {
            List<RecordedEvent> events = record.newVersion().equals(record.baseVersion()) ? List.of()
                    : streams.readStream(stream, record.baseVersion().next()).stream()
                            .filter(e -> e.version().compareTo(record.newVersion()) <= 0).toList();
            return Optional.of(new CommandOutcome(commandId, stream, record.newVersion(), events, true));
        }
        Optional<String> cause = Optional.of(commandId.value());
        List<RecordedEvent> events = streams.readStream(stream, record.baseVersion().next()).stream()
                .filter(e -> e.causationId().equals(cause)).toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        var newVersion = events.get(events.size() - 1).version();
        processed.record(ProcessedCommand.completed(commandId, stream, record.baseVersion(), newVersion,
                clock.instant()));
        return Optional.of(new CommandOutcome(commandId, stream, newVersion, events, true));
    }
}
