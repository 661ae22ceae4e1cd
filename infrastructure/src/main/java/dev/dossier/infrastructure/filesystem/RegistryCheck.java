package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.StoreIndex;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Checks the metadata registries against the committed events. A registry describes the events up to its
 * {@code throughPosition} (it may lag while a store is open); what it says must equal what the events
 * up to that position give.
 */
final class RegistryCheck {
    private final StoreLayout layout;
    private final MetadataRegistries registries;

    RegistryCheck(StoreLayout layout) {
        this.layout = layout;
        this.registries = new MetadataRegistries(layout, null, EventTypeRegistry.empty(), Clock.systemUTC());
    }

    void check(List<IndexEntry> entries, List<StoreProblem> problems) {
        check(StoreLayout.AGGREGATE_TYPES, entries, problems, index -> registries.aggregateTypes(index.summary()));
        check(StoreLayout.STATISTICS, entries, problems, index -> registries.statistics(index.summary()));
        check(StoreLayout.SCHEMA_VERSIONS, entries, problems, index -> versionsOnDisk(registries.schemaVersions(index.summary())));
    }

    private void check(String name, List<IndexEntry> entries, List<StoreProblem> problems,
                       Function<StoreIndex, ObjectNode> expected) {
        Path file = layout.metadata().resolve(name);
        String path = layout.relative(file);
        JsonNode actual;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new StoreProblem(path, "the registry is missing (opening the store rebuilds it)"));
                return;
            }
            actual = JsonSupport.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            problems.add(new StoreProblem(path, "the registry cannot be read as JSON: " + e.getMessage()));
            return;
        }
        long through = actual.path("throughPosition").asLong(-1);
        if (through < 0 || through > entries.size()) {
            problems.add(new StoreProblem(path, "throughPosition " + actual.path("throughPosition")
                    + " is not a position of the index (0 to " + entries.size() + ")"));
            return;
        }
        var prefix = new StoreIndex();
        entries.subList(0, (int) through).forEach(prefix::add);
        JsonNode want = asRead(expected.apply(prefix));
        JsonNode have = name.equals(StoreLayout.SCHEMA_VERSIONS) ? versionsOnDisk(actual) : actual;
        want.fieldNames().forEachRemaining(field -> {
            if (!field.equals("throughPosition") && !field.equals("updatedAt") && !want.get(field).equals(have.get(field))) {
                problems.add(new StoreProblem(path, "'" + field + "' is " + have.get(field) + ", but the events through"
                        + " position " + through + " give " + want.get(field)));
            }
        });
    }

    /** The node as it reads back from its text, so numbers compare by value whatever their Java type. */
    static JsonNode asRead(JsonNode node) {
        try {
            return JsonSupport.mapper().readTree(JsonSupport.mapper().writeValueAsString(node));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Only what the events decide in the schema registry: per event type, its file name and versions on disk. */
    private static ObjectNode versionsOnDisk(JsonNode registry) {
        ObjectNode result = JsonSupport.mapper().createObjectNode();
        ObjectNode types = result.putObject("eventTypes");
        registry.path("eventTypes").fields().forEachRemaining(type -> {
            ObjectNode node = types.putObject(type.getKey());
            node.set("fileName", type.getValue().path("fileName").deepCopy());
            node.set("versionsOnDisk", type.getValue().path("versionsOnDisk").deepCopy());
        });
        return result;
    }
}
