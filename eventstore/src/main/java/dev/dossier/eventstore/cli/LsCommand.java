package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.AggregateSummary;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.port.EventStorePort;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ls [TYPE]}: the aggregate types, or the aggregates of one type, with event counts and last write. */
@Command(name = "ls", description = "List the aggregate types, or the aggregates of one type.")
final class LsCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;

    @Parameters(arity = "0..1", paramLabel = "TYPE", description = "List the aggregates of this type.")
    String aggregateType;

    @Override
    public Integer call() {
        try (EventStorePort store = cli.openExisting()) {
            if (aggregateType == null) {
                printTypes(store.aggregateTypes());
            } else {
                AggregateType type = AggregateType.of(aggregateType);
                printAggregates(type, store.aggregates(type));
            }
        }
        return ExitCodes.OK;
    }

    private void printTypes(List<AggregateTypeSummary> types) {
        if (output.json) {
            ObjectNode root = EventJson.object();
            ArrayNode list = root.putArray("aggregateTypes");
            types.forEach(t -> list.addObject().put("aggregateType", t.type().value()).put("aggregates", t.aggregates())
                    .put("events", t.events()).put("lastWrite", EventJson.timestamp(t.lastWrite())));
            cli.io().out().println(EventJson.pretty(root));
            return;
        }
        var table = new Table("AGGREGATE TYPE", "AGGREGATES", "EVENTS", "LAST WRITE");
        types.forEach(t -> table.row(t.type(), t.aggregates(), t.events(), EventJson.timestamp(t.lastWrite())));
        table.print(cli.io().out());
        if (types.isEmpty()) {
            cli.io().err().println("The store has no events yet.");
        }
    }

    private void printAggregates(AggregateType type, List<AggregateSummary> aggregates) {
        if (output.json) {
            ObjectNode root = EventJson.object().put("aggregateType", type.value());
            ArrayNode list = root.putArray("aggregates");
            aggregates.forEach(a -> list.addObject().put("aggregateId", a.stream().id().value())
                    .put("events", a.events()).put("lastWrite", EventJson.timestamp(a.lastWrite())));
            cli.io().out().println(EventJson.pretty(root));
            return;
        }
        var table = new Table("AGGREGATE ID", "EVENTS", "LAST WRITE");
        aggregates.forEach(a -> table.row(a.stream().id(), a.events(), EventJson.timestamp(a.lastWrite())));
        table.print(cli.io().out());
        if (aggregates.isEmpty()) {
            cli.io().err().println("There are no aggregates of type '" + type + "'.");
        }
    }
}
