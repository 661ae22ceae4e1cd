package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One event type of a store's schema registry, {@code metadata/event-schema-versions.json}.
 *
 * @param currentSchemaVersion the version new events of the type are written with, as last registered
 * @param javaType             the class last registered for the type, if any
 * @param versionsOnDisk       how many stored events there are at each schema version
 * @param aliases              old names that resolve to this type
 * @param aliasOf              the type this name is an old name of, if it is one
 */
public record EventSchemaSummary(String eventType, int currentSchemaVersion, Optional<String> javaType,
                                 Map<Integer, Long> versionsOnDisk, List<String> aliases, Optional<String> aliasOf) {

    public EventSchemaSummary {
        Objects.requireNonNull(eventType, "eventType");
        versionsOnDisk = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(versionsOnDisk));
        aliases = List.copyOf(aliases);
    }

    /**
     * The registry of the store at {@code root}, sorted by event type, as its file says. Open the store
     * first for a current file.
     *
     * @throws CorruptDataException when the file is missing or cannot be read
     */
    public static List<EventSchemaSummary> readRegistry(Path root) {
        var layout = new StoreLayout(root.toAbsolutePath().normalize());
        Path file = layout.metadata().resolve(StoreLayout.SCHEMA_VERSIONS);
        JsonNode types;
        try {
            types = JsonSupport.mapper().readTree(Files.readAllBytes(file)).path("eventTypes");
        } catch (IOException e) {
            throw new CorruptDataException(layout.relative(file), "cannot be read: " + e.getMessage(), e);
        }
        var result = new ArrayList<EventSchemaSummary>();
        types.fields().forEachRemaining(entry -> result.add(of(entry.getKey(), entry.getValue())));
        return result;
    }

    private static EventSchemaSummary of(String type, JsonNode node) {
        var versions = new TreeMap<Integer, Long>();
        node.path("versionsOnDisk").fields().forEachRemaining(v -> versions.put(Integer.parseInt(v.getKey()), v.getValue().asLong()));
        var aliases = new ArrayList<String>();
        node.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        return new EventSchemaSummary(type, node.path("currentSchemaVersion").asInt(1), text(node, "javaType"),
                versions, aliases, text(node, "aliasOf"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.path(field).isTextual() ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
