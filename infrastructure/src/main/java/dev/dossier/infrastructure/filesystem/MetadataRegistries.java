package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.infrastructure.common.StoreIndex;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The three registries under {@code metadata/}: aggregate types, event schema versions and storage
 * statistics. They are derived from the index, replaced atomically (always valid JSON), rewritten every
 * so many commits, made current and forced at open and at a clean close ({@link #settle}), and rebuilt at
 * open when missing, unreadable or stale (their {@code throughPosition} differs from the index's last
 * position). What they say is built by {@link RegistryDocuments}; their files are {@link RegistryFiles}.
 */
final class MetadataRegistries {
    private static final List<String> NAMES = List.of(StoreLayout.AGGREGATE_TYPES, StoreLayout.SCHEMA_VERSIONS,
            StoreLayout.STATISTICS);
    private final RegistryFiles registryFiles;
    private final RegistryDocuments documents;
    /** Whether the copies on disk were last written by the unforced refresh (by this object). */
    private volatile boolean unforcedCopy;

    MetadataRegistries(StoreLayout layout, DurableFiles files, EventTypeRegistry types, Clock clock) {
        this.registryFiles = new RegistryFiles(layout, files);
        this.documents = new RegistryDocuments(types, clock);
    }

    /** Whether all three files exist, parse and describe the index up to its last position. */
    boolean areCurrent(StoreIndex index) {
        JsonNode versions = registryFiles.read(StoreLayout.SCHEMA_VERSIONS);
        boolean throughIndex = List.of(registryFiles.read(StoreLayout.AGGREGATE_TYPES), versions,
                        registryFiles.read(StoreLayout.STATISTICS))
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
                registryFiles.force(name);
            }
            registryFiles.forceDirectory();
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
        registryFiles.replace(StoreLayout.AGGREGATE_TYPES, aggregateTypes(summary), durably);
        registryFiles.replace(StoreLayout.SCHEMA_VERSIONS, schemaVersions(summary), durably);
        registryFiles.replace(StoreLayout.STATISTICS, statistics(summary), durably);
        if (durably) {
            registryFiles.forceDirectory();
            unforcedCopy = false;
        }
    }

    /** The aggregate-type registry for {@code summary} (see {@link RegistryDocuments#aggregateTypes}). */
    ObjectNode aggregateTypes(StoreIndex.Summary summary) {
        return documents.aggregateTypes(summary);
    }

    /**
     * The schema-version registry for {@code summary}, keeping from the copy now on disk what this process
     * registers nothing for (see {@link RegistryDocuments#schemaVersions}).
     */
    ObjectNode schemaVersions(StoreIndex.Summary summary) {
        return documents.schemaVersions(summary, registryFiles.read(StoreLayout.SCHEMA_VERSIONS));
    }

    /** The storage-statistics registry for {@code summary} (see {@link RegistryDocuments#statistics}). */
    ObjectNode statistics(StoreIndex.Summary summary) {
        return documents.statistics(summary);
    }
}
