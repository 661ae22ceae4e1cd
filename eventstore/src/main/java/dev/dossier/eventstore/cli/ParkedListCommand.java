package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemParkedEventStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code parked list [--subscriber S]}: every parked event, with its subscriber, position, attempts and error. */
@Command(name = "list", description = "List the parked events of every subscriber, or of one.")
final class ParkedListCommand implements Callable<Integer> {
    @ParentCommand
    ParkedCommand parent;
    @Mixin
    JsonOption output;

    @Option(names = "--subscriber", paramLabel = "NAME", description = "Only this subscriber's parked events.")
    String subscriber;

    @Override
    public Integer call() {
        EventStoreCli cli = parent.cli;
        cli.requireStore();
        Optional<SubscriberName> name = Optional.ofNullable(subscriber).map(SubscriberName::of);
        List<ParkedEvent> parked = FileSystemParkedEventStore.open(FileStoreOptions.fromEnvironment()
                .withRoot(cli.storePath())).list(name);
        if (output.json) {
            ObjectNode root = EventJson.object();
            ArrayNode list = root.putArray("parked");
            parked.forEach(p -> list.addObject().put("subscriber", p.subscriber().value())
                    .put("position", p.position().value()).put("eventId", p.eventId().toString())
                    .put("eventType", p.eventType().value()).put("aggregateType", p.stream().type().value())
                    .put("aggregateId", p.stream().id().value()).put("attempts", p.attempts())
                    .put("error", p.error()).put("parkedAt", EventJson.timestamp(p.parkedAt()))
                    .put("replayRequested", p.replayRequested()));
            cli.io().out().println(EventJson.pretty(root));
            return ExitCodes.OK;
        }
        var table = new Table("SUBSCRIBER", "POSITION", "EVENT TYPE", "AGGREGATE", "ATTEMPTS", "REPLAY", "ERROR");
        parked.forEach(p -> table.row(p.subscriber(), p.position(), p.eventType(), p.stream(), p.attempts(),
                p.replayRequested() ? "requested" : "-", p.error()));
        table.print(cli.io().out());
        if (parked.isEmpty()) {
            cli.io().err().println("No parked events.");
        }
        return ExitCodes.OK;
    }
}
