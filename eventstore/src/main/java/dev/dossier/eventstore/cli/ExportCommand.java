package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.AggregateId;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.port.EventStorePort;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code export}: events as JSON Lines in global order, one {@link EventJson} object per line. The lines
 * carry everything {@code import} needs to reproduce the events, ids included.
 */
@Command(name = "export", description = "Write events as JSON Lines to standard output, in global order.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;

    @Option(names = "--type", paramLabel = "T", description = "Only events of this aggregate type.")
    String aggregateType;
    @Option(names = "--id", paramLabel = "ID", description = "Only events of this aggregate (needs --type).")
    String aggregateId;
    @Option(names = "--from", paramLabel = "POSITION", defaultValue = "1",
            description = "The first global position (default: ${DEFAULT-VALUE}).")
    long from;

    @Override
    public Integer call() {
        if (aggregateId != null && aggregateType == null) {
            throw new CliInputException("--id", "needs --type (an aggregate id is unique only within its type)");
        }
        if (from < 1) {
            throw new CliInputException("--from", "must be 1 or more");
        }
        EventQuery query = EventQuery.all().from(from).ofAggregate(
                Optional.ofNullable(aggregateType).map(AggregateType::of),
                Optional.ofNullable(aggregateId).map(AggregateId::of));
        PrintStream out = cli.io().out();
        try (EventStorePort store = cli.openExisting()) {
            long exported = new EventSource(store).forEach(query, Long.MAX_VALUE, e -> out.println(EventJson.line(e)));
            out.flush();
            cli.io().err().println("Exported " + exported + " events.");
        }
        return ExitCodes.OK;
    }
}
