package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.EventStorePort;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code read}: one aggregate's events in version order. */
@Command(name = "read", description = "Print an aggregate's events in version order.")
final class ReadCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;

    @Option(names = "--type", required = true, paramLabel = "T", description = "The aggregate type.")
    String aggregateType;
    @Option(names = "--id", required = true, paramLabel = "ID", description = "The aggregate id.")
    String aggregateId;
    @Option(names = "--from-version", paramLabel = "N", defaultValue = "1",
            description = "The first version to print (default: ${DEFAULT-VALUE}).")
    long fromVersion;

    @Override
    public Integer call() {
        StreamId stream = StreamId.of(aggregateType, aggregateId);
        Version from = Version.of(fromVersion);
        try (EventStorePort store = cli.openExisting()) {
            List<RecordedEvent> events = store.readStream(stream, from);
            new EventPrinter(cli.io().out(), output.json).printAll(events);
            if (events.isEmpty()) {
                cli.io().err().println(stream + " has no events" + (from.value() > 1 ? " from version " + from : "") + ".");
            }
        }
        return ExitCodes.OK;
    }
}
