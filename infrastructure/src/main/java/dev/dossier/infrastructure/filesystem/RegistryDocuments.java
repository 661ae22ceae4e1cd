package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.StorageStatistics;
import dev.dossier.infrastructure.common.StoreIndex;
import dev.dossier.infrastructure.json.JsonSupport;
import java.time.Clock;
import java.util.Map;

/**
 * What the three registries say, built from an index summary: each document starts with the format
 * version, the position it describes through ({@code throughPosition}) and the time it was made
 * ({@code updatedAt}, from the clock). Reads and writes no file: what the schema-version registry keeps
 * from its previous copy is handed in (the missing node when there is none).
 */
final class RegistryDocuments {
    private final ObjectMapper mapper = JsonSupport.mapper();
    private final EventTypeRegistry types;
    private final Clock clock;

    RegistryDocuments(EventTypeRegistry types, Clock clock) {
        this.types = types;
        this.clock = clock;
    }

    private ObjectNode header(long through) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", FormatMarker.FORMAT_VERSION);
        root.put("throughPosition", through);
        root.put("updatedAt", EventFileCodec.TIMESTAMP.format(clock.instant()));
        return root;
    }

    /** The aggregate-type registry: per type, its directory, aggregates, events and last write. */
    ObjectNode aggregateTypes(StoreIndex.Summary summary) {
        ObjectNode root = header(summary.lastPosition());
        ObjectNode all = root.putObject("aggregateTypes");
        for (AggregateTypeSummary type : summary.aggregateTypes()) {
            ObjectNode node = all.putObject(type.type().value());
            node.put("directory", NameCodec.encode(type.type().value(), NameCodec.Kind.AGGREGATE_TYPE));
            node.put("aggregates", type.aggregates());
            node.put("events", type.events());
            node.put("lastWrite", EventFileCodec.TIMESTAMP.format(type.lastWrite()));
        }
        return root;
    }

    /**
     * The schema-version registry: per event type, its file name, current version, Java type, aliases and
     * versions on disk. What this process registers wins; for a type it registers nothing for, the current
     * version, {@code javaType} and aliases are kept from {@code previous} (the registry as it was on disk).
     */
    ObjectNode schemaVersions(StoreIndex.Summary summary, JsonNode previousRegistry) {
        JsonNode previous = previousRegistry.path("eventTypes");
        ObjectNode root = header(summary.lastPosition());
        ObjectNode all = root.putObject("eventTypes");
        for (Map.Entry<EventType, Map<Integer, Long>> type : summary.schemaVersionCounts().entrySet()) {
            String name = type.getKey().value();
            JsonNode known = previous.path(name);
            ObjectNode node = all.putObject(name);
            node.put("fileName", NameCodec.encode(name, NameCodec.Kind.EVENT_TYPE));
            Class<?> bound = types.classFor(type.getKey()).orElse(null);
            int highestOnDisk = type.getValue().keySet().stream().max(Integer::compare).orElse(1);
            int current = bound != null ? types.schemaVersionOf(type.getKey())
                    : Math.max(highestOnDisk, known.path("currentSchemaVersion").asInt(1));
            node.put("currentSchemaVersion", current);
            if (bound != null) {
                node.put("javaType", bound.getName());
            } else if (known.hasNonNull("javaType")) {
                node.put("javaType", known.get("javaType").asText());
            } else {
                node.putNull("javaType");
            }
            aliases(node, type.getKey(), bound != null, known);
            ObjectNode versions = node.putObject("versionsOnDisk");
            type.getValue().forEach((version, count) -> versions.put(Integer.toString(version), count));
        }
        return root;
    }

    /**
     * {@code aliases}: the old names that resolve to this type; {@code aliasOf}: the type this name is an
     * old name of, or null. Kept from the previous file when the opening host registers nothing for it.
     */
    private void aliases(ObjectNode node, EventType type, boolean bound, JsonNode known) {
        if (!bound && known.has("aliases")) {
            node.set("aliases", known.get("aliases").deepCopy());
            node.set("aliasOf", known.path("aliasOf").isTextual() ? known.get("aliasOf").deepCopy() : mapper.nullNode());
            return;
        }
        var names = node.putArray("aliases");
        types.aliasesOf(type).forEach(alias -> names.add(alias.value()));
        node.put("aliasOf", types.aliasTarget(type).map(EventType::value).orElse(null));
    }

    /** The storage-statistics registry: counts, bytes of event files, first and last write (or null). */
    ObjectNode statistics(StoreIndex.Summary summary) {
        StorageStatistics stats = summary.statistics();
        ObjectNode root = header(summary.lastPosition());
        root.put("events", stats.events());
        root.put("aggregates", stats.aggregates());
        root.put("aggregateTypes", stats.aggregateTypes());
        root.put("eventTypes", stats.eventTypes());
        root.put("eventFileBytes", stats.bytes());
        root.put("firstWrite", stats.firstWrite().map(EventFileCodec.TIMESTAMP::format).orElse(null));
        root.put("lastWrite", stats.lastWrite().map(EventFileCodec.TIMESTAMP::format).orElse(null));
        return root;
    }
}
