package dev.dossier.eventstore.cli;

import dev.dossier.application.replay.RecordingFilter;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.replay.RecordingManifest;
import dev.dossier.eventstore.replay.RecordingOptions;
import dev.dossier.eventstore.replay.Recordings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code record}: cuts a recording (a store of its own, with a manifest) out of the store. */
@Command(name = "record", description = "Write a recording: a slice of the store that is itself a store.")
final class RecordCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The new recording directory (or, with --zip, the zip file).")
    Path out;
    @Option(names = "--zip", description = "Write one zip file instead of a directory.")
    boolean zip;
    @Option(names = "--type", paramLabel = "T", description = "Only aggregates of this type.")
    String type;
    @Option(names = "--id", paramLabel = "ID", description = "Only this aggregate (needs --type).")
    String id;
    @Option(names = "--correlation-id", paramLabel = "X",
            description = "Only events causally linked to this request or session.")
    String correlationId;
    @Option(names = "--event-type", paramLabel = "E", description = "Only events of this type.")
    String eventType;
    @Option(names = "--since", paramLabel = "T", converter = Converters.Instants.class,
            description = "Only events recorded at or after this time.")
    Instant since;
    @Option(names = "--until", paramLabel = "T", converter = Converters.Instants.class,
            description = "Only events recorded before this time.")
    Instant until;

    @Override
    public Integer call() {
        if (id != null && type == null) {
            throw new CliInputException("--id", "needs --type");
        }
        RecordingFilter filter = RecordingFilter.all().between(since, until);
        filter = type == null ? filter : filter.aggregate(type, id);
        filter = correlationId == null ? filter : filter.correlation(correlationId);
        filter = eventType == null ? filter : filter.ofEventType(eventType);
        RecordingManifest manifest;
        try (EventStorePort store = cli.openExisting()) {
            String source = cli.storePath().toAbsolutePath().normalize().toString();
            manifest = Recordings.record(store, out, RecordingOptions.of(source, filter).zipped(zip));
        }
        if (output.json) {
            cli.io().out().println(RecordingJson.manifest(manifest));
        } else {
            cli.io().out().printf("Recorded %d events (%d matched the filter) to %s%nsha256 %s%n",
                    manifest.events(), manifest.matched(), out, manifest.sha256());
        }
        return ExitCodes.OK;
    }
}
