package dev.dossier.infrastructure.filesystem;

import static dev.dossier.infrastructure.contract.OrderHistory.stored;
import static dev.dossier.infrastructure.contract.OrderHistory.v1;
import static dev.dossier.infrastructure.contract.OrderHistory.v2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.SchemaEvolutionException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.contract.OrderHistory;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upcasting leaves files alone; {@code migrate} rewrites them on purpose and {@code verify} agrees. */
class SchemaMigrationTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1");

    @TempDir
    Path dir;
    private FileStoreOptions plain;
    private FileStoreOptions evolved;

    @BeforeEach
    void writeHistory() {
        plain = FileStoreOptions.at(dir.resolve("store")).withDurability(Durability.OS_BUFFERED);
        evolved = plain.withEventTypes(OrderHistory.types()).withSchemas(OrderHistory.evolution().build());
        try (var store = FileSystemEventStore.open(plain)) {
            store.append(ORDER, ExpectedVersion.any(), List.of(v1("book", "12"), v2("pen", 3, "USD"),
                    stored("OrderPlaced", 3, "{\"item\":\"ink\",\"cents\":250,\"currency\":\"EUR\"}"),
                    stored("CustomerRegistered", 1, "{\"name\":\"ada\"}"),
                    stored("OrderPlacedAndPaid", 1, "{\"item\":\"lamp\",\"cents\":900,\"paidBy\":\"card\"}")));
        }
    }

    @Test
    void migrate_rewrites_old_events_inside_a_packed_range_file_too() {
        try (var store = FileSystemEventStore.open(plain.withPackKeep(1))) {
            store.pack();
        }
        List<RecordedEvent> upcast = read(evolved);

        MigrationReport report = StoreMigration.migrate(evolved);

        assertThat(report.rewritten()).isEqualTo(3);
        assertThat(FileStoreVerifier.at(plain.root()).verify().problems()).isEmpty();
        assertThat(read(plain)).extracting(RecordedEvent::schemaVersion).containsExactly(3, 3, 3, 1, 1);
        assertThat(read(evolved)).isEqualTo(upcast);
    }

    @Test
    void reading_old_events_leaves_every_file_byte_for_byte_as_it_was() {
        Map<Path, String> before = files(plain.root());

        try (var store = FileSystemEventStore.open(evolved)) {
            assertThat(store.readStream(ORDER)).hasSize(6);
        }

        Map<Path, String> after = files(plain.root());
        before.keySet().removeIf(p -> p.startsWith("metadata"));
        after.keySet().removeIf(p -> p.startsWith("metadata"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void migrate_rewrites_old_events_at_the_current_schema_keeps_the_originals_and_verify_still_passes() throws IOException {
        List<RecordedEvent> upcast = read(evolved);
        String original = Files.readString(onlyFile("OrderPlaced", 0));

        MigrationReport report = StoreMigration.migrate(evolved);

        assertThat(report.rewritten()).isEqualTo(3);
        assertThat(report.renamed()).isEqualTo(1);
        assertThat(report.splitKept()).isEqualTo(1);
        assertThat(FileStoreVerifier.at(plain.root()).verify().problems()).isEmpty();
        assertThat(read(plain)).extracting(RecordedEvent::schemaVersion).containsExactly(3, 3, 3, 1, 1);
        assertThat(read(plain)).extracting(e -> e.eventType().value())
                .containsExactly("OrderPlaced", "OrderPlaced", "OrderPlaced", "ClientSignedUp", "OrderPlacedAndPaid");
        assertThat(read(evolved)).isEqualTo(upcast);
        Path backup = report.backup().orElseThrow();
        assertThat(backup.getParent().getFileName().toString()).isEqualTo("backup");
        assertThat(files(backup)).containsValue(original).containsKey(Path.of("metadata", "event-index.jsonl"));
    }

    @Test
    void migrate_changes_nothing_when_an_upcaster_is_missing() {
        Map<Path, String> before = files(plain.root());
        var incomplete = evolved.withSchemas(OrderHistory.v2ToV3(SchemaEvolution.builder()).build());

        assertThatThrownBy(() -> StoreMigration.migrate(incomplete)).isInstanceOf(SchemaEvolutionException.class);

        Map<Path, String> after = files(plain.root());
        before.keySet().removeIf(p -> p.startsWith("metadata"));
        after.keySet().removeIf(p -> p.startsWith("metadata"));
        assertThat(after).isEqualTo(before);
        assertThat(plain.root().resolve("backup")).doesNotExist();
    }

    @Test
    void the_schema_registry_lists_current_versions_java_types_versions_on_disk_and_aliases() {
        var aliased = evolved.withEventTypes(OrderHistory.types().alias("CustomerRegistered", "ClientSignedUp"));
        FileSystemEventStore.open(aliased).close();

        var registry = EventSchemaSummary.readRegistry(plain.root());

        var placed = registry.stream().filter(t -> t.eventType().equals("OrderPlaced")).findFirst().orElseThrow();
        assertThat(placed.currentSchemaVersion()).isEqualTo(3);
        assertThat(placed.javaType()).contains(OrderHistory.OrderPlaced.class.getName());
        assertThat(placed.versionsOnDisk()).containsExactly(Map.entry(1, 1L), Map.entry(2, 1L), Map.entry(3, 1L));
        var old = registry.stream().filter(t -> t.eventType().equals("CustomerRegistered")).findFirst().orElseThrow();
        assertThat(old.aliasOf()).contains("ClientSignedUp");
        assertThat(FileStoreVerifier.at(plain.root()).verify().problems()).isEmpty();

        FileSystemEventStore.open(plain).close();
        assertThat(EventSchemaSummary.readRegistry(plain.root())).isEqualTo(registry);
    }

    private List<RecordedEvent> read(FileStoreOptions options) {
        try (var store = FileSystemEventStore.open(options)) {
            return store.readStream(ORDER);
        }
    }

    private Path onlyFile(String type, int index) throws IOException {
        try (Stream<Path> paths = Files.list(plain.root().resolve("order").resolve("o-1"))) {
            return paths.filter(p -> p.getFileName().toString().endsWith("-" + type + ".json")).sorted().toList().get(index);
        }
    }

    private static Map<Path, String> files(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            var contents = new TreeMap<Path, String>();
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(file), Files.readString(file));
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
