package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.EventStorePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code append}: appends one event and prints it as recorded. */
@Command(name = "append", description = "Append one event; the payload comes from --data, --data-file or"
        + " standard input. Prints the recorded event.")
final class AppendCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;

    @Option(names = "--type", required = true, paramLabel = "T", description = "The aggregate type.")
    String aggregateType;
    @Option(names = "--id", required = true, paramLabel = "ID", description = "The aggregate id.")
    String aggregateId;
    @Option(names = "--event", required = true, paramLabel = "E", description = "The event type.")
    String eventType;
    @Option(names = "--expected-version", paramLabel = "N|any|no-stream", defaultValue = "any",
            converter = Converters.ExpectedVersions.class,
            description = "Append only if the aggregate is at this version (default: ${DEFAULT-VALUE}).")
    ExpectedVersion expected;
    @ArgGroup(exclusive = true)
    Payload payload;
    @Option(names = "--metadata", paramLabel = "JSON", description = "A JSON object of string metadata.")
    String metadata;
    @Option(names = "--correlation-id", paramLabel = "X")
    String correlationId;
    @Option(names = "--causation-id", paramLabel = "X")
    String causationId;

    static final class Payload {
        @Option(names = "--data", paramLabel = "JSON", description = "The payload.")
        String data;
        @Option(names = "--data-file", paramLabel = "F", description = "A file holding the payload ('-': standard input).")
        Path file;
    }

    @Override
    public Integer call() {
        StreamId stream = StreamId.of(aggregateType, aggregateId);
        String where = payload == null ? "standard input" : payload.data != null ? "--data" : "--data-file " + payload.file;
        String json = JsonInput.parse(where, payloadText()).toString();
        NewEvent event = NewEvent.builder().type(eventType).payload(RawJson.of(json))
                .metadata(JsonInput.metadata("--metadata", metadata == null ? null : JsonInput.parse("--metadata", metadata)))
                .correlation(correlationId).causation(causationId).build();
        try (EventStorePort store = cli.openOrCreate()) {
            AppendResult result = store.append(stream, expected, event);
            new EventPrinter(cli.io().out(), output.json).printAll(result.events());
        }
        return ExitCodes.OK;
    }

    private String payloadText() {
        if (payload != null && payload.data != null) {
            return payload.data;
        }
        try {
            if (payload == null || payload.file.toString().equals("-")) {
                if (cli.io().terminal()) {
                    cli.io().err().println("Reading the payload from standard input (end it with Ctrl-D).");
                }
                return new String(cli.io().in().readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(payload.file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliInputException("--data-file " + payload.file, "no such file");
        } catch (IOException e) {
            if (payload != null) {
                throw new CliInputException("--data-file " + payload.file, "cannot be read: " + e.getMessage());
            }
            throw new UncheckedIOException(e);
        }
    }
}
