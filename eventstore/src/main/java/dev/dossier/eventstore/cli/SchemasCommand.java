package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.infrastructure.filesystem.EventSchemaSummary;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code schemas}: the schema registry, {@code metadata/event-schema-versions.json}, brought up to date. */
@Command(name = "schemas", description = "List every stored event type: its current schema version, Java type,"
        + " the schema versions on disk with counts, and its aliases.")
final class SchemasCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;
    @Mixin
    SchemasOption schemas;

    @Override
    public Integer call() {
        cli.requireStore();
        FileSystemEventStore.open(schemas.applyTo(cli.storeOptions())).close();
        List<EventSchemaSummary> registry = EventSchemaSummary.readRegistry(cli.storePath());
        if (output.json) {
            cli.io().out().println(EventJson.pretty(document(registry)));
            return ExitCodes.OK;
        }
        var table = new Table("EVENT TYPE", "CURRENT", "ON DISK (version=count)", "JAVA TYPE", "ALIASES");
        for (EventSchemaSummary type : registry) {
            table.row(type.eventType(), type.currentSchemaVersion(),
                    type.versionsOnDisk().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" ")),
                    type.javaType().orElse("-"), aliases(type));
        }
        table.print(cli.io().out());
        return ExitCodes.OK;
    }

    private static String aliases(EventSchemaSummary type) {
        String names = String.join(" ", type.aliases());
        String of = type.aliasOf().map(t -> "alias of " + t).orElse("");
        String both = (names + " " + of).trim();
        return both.isEmpty() ? "-" : both;
    }

    private static ObjectNode document(List<EventSchemaSummary> registry) {
        ObjectNode root = EventJson.object();
        ArrayNode types = root.putArray("eventTypes");
        for (EventSchemaSummary type : registry) {
            ObjectNode node = types.addObject().put("eventType", type.eventType())
                    .put("currentSchemaVersion", type.currentSchemaVersion())
                    .put("javaType", type.javaType().orElse(null));
            ObjectNode versions = node.putObject("versionsOnDisk");
            type.versionsOnDisk().forEach((version, count) -> versions.put(Integer.toString(version), count));
            type.aliases().forEach(node.putArray("aliases")::add);
            node.put("aliasOf", type.aliasOf().orElse(null));
        }
        return root;
    }
}
