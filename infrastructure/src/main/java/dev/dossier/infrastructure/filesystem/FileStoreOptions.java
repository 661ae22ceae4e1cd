package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.infrastructure.json.PayloadCodec;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import lombok.Builder;
import lombok.With;

/**
 * How to open a filesystem store. Defaults: directory {@code ./eventstore}, {@link Durability#SYNC},
 * owner-only permissions (files 0600, directories 0700, including the store directory and any missing
 * parent the store creates; unless {@code sharedAccess}), payloads up to 1 MiB, registries refreshed
 * every 1,000 events.
 *
 * @param schemas          the upcasters that bring stored events to the registered schema versions when
 *                         read, and what to do with unknown types and newer versions (default: none;
 *                         unknown types as raw JSON, newer versions an error)
 * @param sharedAccess     create files and directories with the process's default permissions instead
 *                         of owner-only ones
 * @param registryInterval how many committed events may pass before the metadata registries are rewritten
 * @param checkpointInterval how many events the journal holds before it is sealed and a checkpoint forces
 *                         their files and the index (default 2,048; up to twice that while the spare
 *                         journal that takes its place is still being made)
 * @param packEvery        pack an aggregate automatically each time its version passes a multiple of this
 *                         (default 1,000; negative: only when asked, {@link FileSystemEventStore#pack()})
 * @param packKeep         how many of an aggregate's most recent events packing leaves as they are (default 100)
 * @param inlineCheckpoints run checkpoints on the appending thread instead of the background thread (the
 *                         same steps in a fixed order; for deterministic fault-injection tests)
 * @param readCacheBytes   how many bytes of recently read event and range files a store object keeps in
 *                         memory, so that warm reads skip the file system (default 16 MiB; negative: none)
 * @param indexCacheEvents how many events must be missing from the index cache ({@code
 *                         metadata/index-cache.jsonl}) before opening or closing the store writes a new one
 *                         (default 10,000); negative: the cache is neither written nor read
 */
@Builder(toBuilder = true)
@With
public record FileStoreOptions(
        Path root,
        Durability durability,
        EventTypeRegistry eventTypes,
        SchemaEvolution schemas,
        Clock clock,
        int maxPayloadBytes,
        boolean sharedAccess,
        int registryInterval,
        int checkpointInterval,
        int packEvery,
        int packKeep,
        boolean inlineCheckpoints,
        long readCacheBytes,
        int indexCacheEvents) {

    /** The default directory when neither an option, a system property nor the environment names one. */
    public static final String DEFAULT_PATH = "./eventstore";
    /** System property and environment variable that name the store directory. */
    public static final String PATH_PROPERTY = "dossier.path";
    public static final String PATH_VARIABLE = "EVENTSTORE_PATH";
    /** System property and environment variable that set the durability ({@code sync} or {@code os-buffered}). */
    public static final String DURABILITY_PROPERTY = "dossier.durability";
    public static final String DURABILITY_VARIABLE = "EVENTSTORE_DURABILITY";

    public FileStoreOptions {
        root = root == null ? Path.of(DEFAULT_PATH) : root;
        durability = durability == null ? Durability.SYNC : durability;
        eventTypes = eventTypes == null ? EventTypeRegistry.empty() : eventTypes;
        schemas = schemas == null ? SchemaEvolution.none() : schemas;
        clock = clock == null ? Clock.systemUTC() : clock;
        maxPayloadBytes = maxPayloadBytes <= 0 ? PayloadCodec.DEFAULT_MAX_PAYLOAD_BYTES : maxPayloadBytes;
        registryInterval = registryInterval <= 0 ? 1000 : registryInterval;
        checkpointInterval = checkpointInterval <= 0 ? 2048 : checkpointInterval;
        packEvery = packEvery == 0 ? 1000 : packEvery;
        packKeep = packKeep <= 0 ? 100 : packKeep;
        readCacheBytes = readCacheBytes == 0 ? FileCache.DEFAULT_BYTES : readCacheBytes;
        indexCacheEvents = indexCacheEvents == 0 ? 10_000 : indexCacheEvents;
    }

    /** Every setting at its default. */
    public static FileStoreOptions defaults() {
        return builder().build();
    }

    /** Options for {@code root} with every other setting at its default. */
    public static FileStoreOptions at(Path root) {
        return defaults().withRoot(root);
    }

    /**
     * The defaults, with the path and durability taken from system properties ({@code dossier.path},
     * {@code dossier.durability}), else the environment ({@code EVENTSTORE_PATH},
     * {@code EVENTSTORE_DURABILITY}), else the defaults.
     */
    public static FileStoreOptions fromEnvironment() {
        return fromEnvironment(System.getenv(), System::getProperty);
    }

    static FileStoreOptions fromEnvironment(Map<String, String> env, java.util.function.UnaryOperator<String> properties) {
        String path = firstOf(properties.apply(PATH_PROPERTY), env.get(PATH_VARIABLE), DEFAULT_PATH);
        String durability = firstOf(properties.apply(DURABILITY_PROPERTY), env.get(DURABILITY_VARIABLE), "sync");
        return defaults().withRoot(Path.of(path)).withDurability(parseDurability(durability));
    }

    /** {@code sync} or {@code os-buffered} (case-insensitive). */
    public static Durability parseDurability(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "sync" -> Durability.SYNC;
            case "os-buffered", "none", "os" -> Durability.OS_BUFFERED;
            default -> throw new InvalidInputException("durability", "'" + text
                    + "' is not one of: sync, os-buffered");
        };
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return Objects.requireNonNull(values[values.length - 1]);
    }
}
