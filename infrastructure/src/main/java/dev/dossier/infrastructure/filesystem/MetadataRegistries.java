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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The three registries under {@code metadata/}: aggregate types, event schema versions and storage
 * statistics. They are derived from the index, replaced atomically (always valid JSON), rewritten every
 * so many commits, made current and forced at open and at a clean close ({@link #settle}), and rebuilt at
 * open when missing, unreadable or stale (their {@code throughPosition} differs from the index's last
 * position).
 */
final class MetadataRegistries {
    private static final List<String> NAMES = List.of(StoreLayout.AGGREGATE_TYPES, StoreLayout.SCHEMA_VERSIONS,
            StoreLayout.STATISTICS);
    private final ObjectMapper mapper = JsonSupport.mapper();
    private final StoreLayout layout;
    private final DurableFiles files;
    private final EventTypeRegistry types;
    private final Clock clock;
    /** Whether the copies on disk were last written by the unforced refresh (by this object). */
    private volatile boolean unforcedCopy;

    MetadataRegistries(StoreLayout layout, DurableFiles files, EventTypeRegistry types, Clock clock) {
        this.layout = layout;
        this.files = files;
        this.types = types;
        this.clock = clock;
    }

    /** Whether all three files exist, parse and describe the index up to its last position. */
    boolean areCurrent(StoreIndex index) {
        JsonNode versions = read(StoreLayout.SCHEMA_VERSIONS);
        boolean throughIndex = List.of(read(StoreLayout.AGGREGATE_TYPES), versions, read(StoreLayout.STATISTICS))
                .stream().allMatch(registry -> registry.path("throughPosition").asLong(-1) == index.lastPosition());
        return throughIndex && withoutTime(versions)
                .equals(RegistryCheck.asRead(withoutTime(schemaVersions(index.summary()))));
    }

    /**
     * At open and at a clean close, makes the registries on disk current and forced (when syncing): they
     * are rewritten when they are not current or when this object's last copy was the unforced refresh's;
     * at open, current copies (which a process that stopped without closing may have left unforced) are
     * forced as they are, so an open that only reads changes no file.
     */
    void settle(StoreIndex index, boolean opening) throws IOException {
        if (unforcedCopy || !areCurrent(index)) {
            write(index, true);
        } else if (opening) {
            for (String name : NAMES) {
                files.syncFile(file(name));
            }
            files.syncDirectory(layout.metadata());
        }
    }

    /** The registry without its {@code updatedAt}, to tell whether this process registers something new. */
    private static JsonNode withoutTime(JsonNode registry) {
        if (!registry.isObject()) {
            return registry;
        }
        ObjectNode copy = ((ObjectNode) registry).deepCopy();
        copy.remove("updatedAt");
        return copy;
    }

    /**
     * Rewrites the three registries from the index, never forced: for the refresh while the store is
     * written, which a crash may leave stale (then the next open rebuilds them).
     */
    void write(StoreIndex index) throws IOException {
        write(index, false);
    }

    /**
     * Rewrites the three files; {@code durably} (at open and close) also forces them and their directory
     * when syncing. The schema-version registry keeps what hosts registered ({@code javaType}, aliases) for
     * processes that register nothing, which no rebuild can recover, so it must not be lost to a power cut.
     */
    private void write(StoreIndex index, boolean durably) throws IOException {
        if (!durably) {
            unforcedCopy = true;
        }
        StoreIndex.Summary summary = index.summary();
        replace(StoreLayout.AGGREGATE_TYPES, bytes(aggregateTypes(summary)), durably);
        replace(StoreLayout.SCHEMA_VERSIONS, bytes(schemaVersions(summary)), durably);
        replace(StoreLayout.STATISTICS, bytes(statistics(summary)), durably);
        if (durably) {
            files.syncDirectory(layout.metadata());
            unforcedCopy = false;
        }
    }

    private void replace(String name, byte[] bytes, boolean durably) throws IOException {
        if (durably) {
            files.writeAtomically(file(name), bytes);
        } else {
            files.writeDerived(file(name), bytes);
        }
    }

    private ObjectNode header(long through) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", FormatMarker.FORMAT_VERSION);
        root.put("throughPosition", through);
        root.put("updatedAt", EventFileCodec.TIMESTAMP.format(clock.instant()));
        return root;
    }

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

    ObjectNode schemaVersions(StoreIndex.Summary summary) {
        JsonNode previous = read(StoreLayout.SCHEMA_VERSIONS).path("eventTypes");
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

    private Path file(String name) {
        return layout.metadata().resolve(name);
    }

    private JsonNode read(String name) {
        try {
            return mapper.readTree(Files.readAllBytes(file(name)));
        } catch (IOException | RuntimeException e) {
            return mapper.missingNode();
        }
    }

    private byte[] bytes(ObjectNode node) throws IOException {
        return (JsonSupport.prettyWriter().writeValueAsString(node) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
