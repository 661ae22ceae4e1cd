package dev.dossier.application.command;

import dev.dossier.application.aggregate.Aggregate;
import dev.dossier.application.aggregate.AggregateDefinition;
import dev.dossier.application.aggregate.AggregateRepository;
import dev.dossier.application.aggregate.ConflictRetry;
import dev.dossier.domain.model.CommandId;
import dev.dossier.domain.model.ProcessedCommand;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.ProcessedCommandStore;
import dev.dossier.domain.port.ReadStreams;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lombok.Builder;

/**
 * Handles commands idempotently: a command id handled again records nothing and returns the outcome of
 * the first handling. Every event a command produces carries the command id as its causation id and the
 * command's correlation id. The command's record is written as {@code STARTED} just before the append and
 * {@code COMPLETED} after it, so a crash in between is repaired on the next attempt (the events are found
 * by their causation id). A rejected command records nothing and may be sent again. Handling of one command
 * id is serialized within this processor; two processes handling the same id at the same instant are not
 * coordinated.
 */
public final class CommandProcessor {
    private static final int STRIPES = 64;

    private final AggregateRepository repository;
    private final ReadStreams streams;
    private final ProcessedCommandStore processed;
    private final Clock clock;
    private final ConflictRetry retry;
    private final Object[] locks = new Object[STRIPES];

    /**
     * @param retry how often a command is re-run after a version conflict; 3 attempts when absent
     */
    @Builder
    private CommandProcessor(AggregateRepository repository, ReadStreams streams, ProcessedCommandStore processed,
                             Clock clock, ConflictRetry retry) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.processed = Objects.requireNonNull(processed, "processed");
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.retry = retry == null ? ConflictRetry.upTo(3) : retry;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Runs {@code action} on the aggregate {@code id} and saves its events, unless the command was handled
     * before, in which case its earlier outcome is returned (with {@code duplicate} set).
     *
     * @throws CommandRejectedException when the action rejects the command (nothing is recorded)
     * @throws dev.dossier.domain.error.ConcurrencyConflictException when every attempt lost a race
     * @throws dev.dossier.domain.error.InvalidInputException when the command id was used for another aggregate
     */
    public <S> CommandOutcome handle(AggregateDefinition<S> definition, String id, CommandContext command,
                                     CommandAction<S> action) {
        StreamId stream = definition.streamOf(id);
        synchronized (locks[Math.floorMod(command.commandId().hashCode(), STRIPES)]) {
            return retry.run(() -> attempt(definition, id, stream, command, action));
        }
    }

    private <S> CommandOutcome attempt(AggregateDefinition<S> definition, String id, StreamId stream,
                                       CommandContext command, CommandAction<S> action) {
        CommandId commandId = command.commandId();
        Optional<CommandOutcome> earlier = new EarlierOutcome(streams, processed, clock).find(commandId, stream);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Aggregate<S> aggregate = repository.load(definition, id);
        action.execute(aggregate);
        Version base = aggregate.loadedVersion();
        if (aggregate.uncommitted().isEmpty()) {
            processed.record(ProcessedCommand.completed(commandId, stream, base, base, clock.instant()));
            return new CommandOutcome(commandId, stream, base, List.of(), false);
        }
        processed.record(ProcessedCommand.started(commandId, stream, base, clock.instant()));
        List<RecordedEvent> recorded = repository.save(aggregate, command.eventContext());
        processed.record(ProcessedCommand.completed(commandId, stream, base, aggregate.loadedVersion(),
                clock.instant()));
        return new CommandOutcome(commandId, stream, aggregate.loadedVersion(), recorded, false);
    }
}
