package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.StorageStatistics;
import dev.dossier.domain.port.EventStorePort;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code stats}: the storage statistics, with the names of {@code metadata/storage-statistics.json}. */
@Command(name = "stats", description = "Print the storage statistics.")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        ObjectNode stats;
        try (EventStorePort store = cli.openExisting()) {
            stats = document(store.statistics(), store.lastPosition());
        }
        if (output.json) {
            cli.io().out().println(EventJson.pretty(stats));
        } else {
            var table = new Table("FIGURE", "VALUE");
            stats.fields().forEachRemaining(f -> table.row(f.getKey(), f.getValue().isNull() ? "-" : f.getValue().asText()));
            table.print(cli.io().out());
        }
        return ExitCodes.OK;
    }

    private ObjectNode document(StorageStatistics stats, long lastPosition) {
        ObjectNode node = EventJson.object();
        node.put("store", cli.storePath().toAbsolutePath().normalize().toString());
        node.put("events", stats.events());
        node.put("aggregates", stats.aggregates());
        node.put("aggregateTypes", stats.aggregateTypes());
        node.put("eventTypes", stats.eventTypes());
        node.put("eventFileBytes", stats.bytes());
        node.put("lastPosition", lastPosition);
        node.put("firstWrite", stats.firstWrite().map(EventJson::timestamp).orElse(null));
        node.put("lastWrite", stats.lastWrite().map(EventJson::timestamp).orElse(null));
        return node;
    }
}
