package dev.dossier.eventstore;

import dev.dossier.application.subscription.SubscriptionPorts;
import dev.dossier.application.subscription.Subscriptions;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.port.CommitNotifications;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.domain.port.ReadModelStore;
import dev.dossier.infrastructure.filesystem.FileSystemCheckpointStore;
import dev.dossier.infrastructure.filesystem.FileSystemParkedEventStore;
import dev.dossier.infrastructure.filesystem.FileSystemReadModelStore;
import dev.dossier.infrastructure.memory.InMemoryCheckpointStore;
import dev.dossier.infrastructure.memory.InMemoryParkedEventStore;
import dev.dossier.infrastructure.memory.InMemoryReadModelStore;
import java.util.concurrent.Executor;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.memory.InMemoryEventStore;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The entry point for hosts:
 * <pre>{@code
 * try (EventStorePort store = Dossier.builder().path("./eventstore").register("OrderPlaced", OrderPlaced.class).open()) {
 *     store.append(StreamId.of("order", "o-1"), ExpectedVersion.noStream(), NewEvent.of("OrderPlaced", placed));
 * }
 * }</pre>
 * Defaults come from {@link FileStoreOptions#fromEnvironment()}: {@code dossier.path} or
 * {@code EVENTSTORE_PATH}, else {@code ./eventstore}; durability {@code sync}.
 */
public final class Dossier {
    private FileStoreOptions options = FileStoreOptions.fromEnvironment();
    private EventTypeRegistry types = EventTypeRegistry.empty();
    private SchemaEvolution schemas = SchemaEvolution.none();

    private Dossier() {
    }

    public static Dossier builder() {
        return new Dossier();
    }

    public Dossier path(Path root) {
        options = options.withRoot(root);
        return this;
    }

    public Dossier path(String root) {
        return path(Path.of(root));
    }

    public Dossier durability(Durability durability) {
        options = options.withDurability(durability);
        return this;
    }

    /** Binds an event type name to the host class its payloads are read into (schema version 1). */
    public Dossier register(String eventType, Class<?> payloadClass) {
        types = types.register(eventType, payloadClass);
        return this;
    }

    /** Binds an event type name at a schema version to a host class. */
    public Dossier register(String eventType, Class<?> payloadClass, int schemaVersion) {
        types = types.register(eventType, payloadClass, schemaVersion);
        return this;
    }

    /** Binds a payload class as its {@link dev.dossier.domain.model.EventSchema} annotation declares. */
    public Dossier register(Class<?> payloadClass) {
        types = types.register(payloadClass);
        return this;
    }

    /**
     * The upcasters that bring stored events to the registered schema versions when read, and what to do
     * with unknown types and newer versions. Opening fails when stored events cannot reach their current
     * version.
     */
    public Dossier schemas(SchemaEvolution evolution) {
        schemas = java.util.Objects.requireNonNull(evolution, "evolution");
        return this;
    }

    /** Makes an old event type name resolve to a registered one. */
    public Dossier alias(String oldName, String eventType) {
        types = types.alias(oldName, eventType);
        return this;
    }

    public Dossier clock(Clock clock) {
        options = options.withClock(clock);
        return this;
    }

    public Dossier maxPayloadBytes(int bytes) {
        options = options.withMaxPayloadBytes(bytes);
        return this;
    }

    /** Create files with the process's default permissions instead of owner-only ones. */
    public Dossier sharedAccess(boolean shared) {
        options = options.withSharedAccess(shared);
        return this;
    }

    /** The options {@link #open()} will use. */
    public FileStoreOptions options() {
        return options.withEventTypes(types).withSchemas(schemas);
    }

    /** Opens (or creates) the filesystem store. Starts no thread. */
    public EventStorePort open() {
        return FileSystemEventStore.open(options());
    }

    /** A new in-memory store with the registered types, for tests. */
    public EventStorePort openInMemory() {
        return InMemoryEventStore.create(types, schemas, options.clock());
    }

    /**
     * Subscriptions over {@code store}, on daemon threads named {@code dossier-<store directory>-<subscriber>}.
     * For a filesystem store opened by this builder, checkpoints and parked events are files in its
     * {@code checkpoints/} and {@code parked/} directories; for an in-memory store they are in memory.
     */
    public Subscriptions subscriptions(EventStorePort store) {
        return Subscriptions.withDaemonThreads(subscriptionPorts(store), options.root().toAbsolutePath()
                .normalize().getFileName().toString());
    }

    /** Subscriptions over {@code store} on the host's executor (one long task per subscription). */
    public Subscriptions subscriptions(EventStorePort store, Executor executor) {
        return Subscriptions.on(subscriptionPorts(store), executor);
    }

    /** The ports subscriptions over {@code store} use; see {@link #subscriptions(EventStorePort)}. */
    public SubscriptionPorts subscriptionPorts(EventStorePort store) {
        if (!(store instanceof CommitNotifications commits)) {
            throw new InvalidInputException("store", "cannot notify subscribers of commits: " + store.getClass());
        }
        if (store instanceof InMemoryEventStore) {
            return new SubscriptionPorts(store, commits, new InMemoryCheckpointStore(), new InMemoryParkedEventStore(),
                    options.clock());
        }
        return new SubscriptionPorts(store, commits, FileSystemCheckpointStore.open(options()),
                FileSystemParkedEventStore.open(options()), options.clock());
    }

    /** The file-backed read model store in the store's {@code projections/} directory (the store must exist). */
    public ReadModelStore readModels() {
        return FileSystemReadModelStore.open(options());
    }

    /** A read model store in memory, for tests. */
    public ReadModelStore readModelsInMemory() {
        return new InMemoryReadModelStore();
    }
}
