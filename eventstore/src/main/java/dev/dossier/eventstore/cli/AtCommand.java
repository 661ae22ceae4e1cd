package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.application.replay.PointInTime;
import dev.dossier.application.replay.TimeTravel;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.eventstore.replay.OpenedRecording;
import dev.dossier.infrastructure.json.MergedFields;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code at}: time travel: one aggregate's events up to a version or an instant, and their merged fields. */
@Command(name = "at", description = "Show an aggregate as of a version or a time: its events up to there and"
        + " the merged fields of their JSON-object payloads.")
final class AtCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;

    @Option(names = "--type", paramLabel = "T", required = true, description = "The aggregate type.")
    String type;
    @Option(names = "--id", paramLabel = "ID", required = true, description = "The aggregate id.")
    String id;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Point point;

    static final class Point {
        @Option(names = "--version", paramLabel = "N", description = "After the event with this version.")
        Long version;
        @Option(names = "--time", paramLabel = "T", converter = Converters.Instants.class,
                description = "After every event recorded at or before this time.")
        Instant time;

        PointInTime toPoint() {
            if (version != null && version < 0) {
                throw new CliInputException("--version", "must be 0 or more");
            }
            return version != null ? PointInTime.atVersion(version) : PointInTime.asOf(time);
        }
    }

    @Override
    public Integer call() {
        PointInTime at = point.toPoint();
        StreamId stream = StreamId.of(type, id);
        try (OpenedRecording recording = OpenedRecording.open(cli.storePath())) {
            List<RecordedEvent> events = new TimeTravel(recording.store()).eventsAt(stream, at);
            MergedFields merged = MergedFields.of(events);
            if (output.json) {
                ObjectNode node = EventJson.object();
                node.put("aggregateType", type);
                node.put("aggregateId", id);
                node.put("version", events.isEmpty() ? 0 : events.get(events.size() - 1).version().value());
                var array = node.putArray("events");
                events.forEach(e -> array.add(EventJson.toJson(e)));
                node.set("merged", RecordingJson.merged(merged));
                cli.io().out().println(EventJson.compact(node));
            } else {
                new EventPrinter(cli.io().out(), false).printAll(events);
                cli.io().out().println();
                cli.io().out().println("Merged payload fields:");
                merged.asMap().forEach((name, value) -> cli.io().out().printf("  %s = %s%n", name, value));
            }
            if (events.isEmpty()) {
                cli.io().err().println("No events of " + stream + " at that point.");
            }
        }
        return ExitCodes.OK;
    }
}
