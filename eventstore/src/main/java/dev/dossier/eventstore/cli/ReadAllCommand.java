package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.port.EventStorePort;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code read-all}: events of every aggregate in global order, filtered. */
@Command(name = "read-all", description = "Print events in global order, filtered.")
final class ReadAllCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;

    @Option(names = "--from", paramLabel = "POSITION", defaultValue = "1",
            description = "The first global position (default: ${DEFAULT-VALUE}).")
    long from;
    @Option(names = "--event-type", paramLabel = "E", description = "Only events of this type.")
    String eventType;
    @Option(names = "--since", paramLabel = "T", converter = Converters.Instants.class,
            description = "Only events recorded at or after this time (e.g. 2026-01-31T12:00:00Z).")
    Instant since;
    @Option(names = "--until", paramLabel = "T", converter = Converters.Instants.class,
            description = "Only events recorded before this time.")
    Instant until;
    @Option(names = "--limit", paramLabel = "N", description = "Print at most N events.")
    Long limit;

    @Override
    public Integer call() {
        if (from < 1 || (limit != null && limit < 1)) {
            throw new CliInputException(from < 1 ? "--from" : "--limit", "must be 1 or more");
        }
        EventQuery query = EventQuery.all().from(from)
                .ofEventType(Optional.ofNullable(eventType).map(EventType::of))
                .between(Optional.ofNullable(since), Optional.ofNullable(until));
        try (EventStorePort store = cli.openExisting()) {
            var printer = new EventPrinter(cli.io().out(), output.json);
            new EventSource(store).forEach(query, limit == null ? Long.MAX_VALUE : limit, printer::print);
            if (printer.printed() == 0) {
                cli.io().err().println("No events match.");
            }
        }
        return ExitCodes.OK;
    }
}
