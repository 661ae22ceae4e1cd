package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.IncompatibleStoreException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOpeningTest {
    @TempDir
    Path dir;

    @Test
    void a_missing_directory_becomes_a_new_store_with_a_format_marker() throws IOException {
        Path root = dir.resolve("a/b/store");
        FileSystemEventStore.open(root).close();

        assertThat(Files.readString(root.resolve("metadata/format.json")))
                .contains("\"format\": \"dossier-event-store\"", "\"formatVersion\": 2");
    }

    @Test
    void opening_a_directory_that_is_not_empty_and_not_a_store_is_refused_and_changes_nothing() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> FileSystemEventStore.open(dir))
                .isInstanceOf(IncompatibleStoreException.class)
                .hasMessageContaining("not empty").hasMessageContaining("metadata/format.json");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("notes.txt"));
        }
    }

    @Test
    void a_store_of_a_newer_format_version_is_refused() throws IOException {
        Path root = dir.resolve("store");
        FileSystemEventStore.open(root).close();
        Files.writeString(root.resolve("metadata/format.json"),
                "{\"format\":\"dossier-event-store\",\"formatVersion\":3}");

        assertThatThrownBy(() -> FileSystemEventStore.open(root))
                .isInstanceOf(IncompatibleStoreException.class).hasMessageContaining("format version 3");
    }

    @Test
    void a_store_of_format_version_1_opens_and_is_marked_as_version_2() throws IOException {
        Path root = dir.resolve("store");
        FileSystemEventStore.open(root).close();
        Files.writeString(root.resolve("metadata/format.json"),
                "{\"format\":\"dossier-event-store\",\"formatVersion\":1,\"createdAt\":\"2026-01-02T03:04:05.006Z\"}");

        FileSystemEventStore.open(root).close();

        assertThat(Files.readString(root.resolve("metadata/format.json")))
                .contains("\"formatVersion\": 2").contains("2026-01-02T03:04:05.006Z");
    }

    @Test
    void a_path_that_is_a_file_is_refused() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> FileSystemEventStore.open(file)).isInstanceOf(IncompatibleStoreException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void a_missing_index_is_rebuilt_from_the_event_files() throws IOException {
        Path root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(root)) {
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(), NewEvent.of("A", RawJson.of("{\"n\":1}")));
            store.append(StreamId.of("order", "o-2"), ExpectedVersion.any(), NewEvent.of("B", RawJson.of("{\"n\":2}")));
        }
        String original = Files.readString(root.resolve("metadata/event-index.jsonl"));
        Files.delete(root.resolve("metadata/event-index.jsonl"));

        try (var store = FileSystemEventStore.open(root)) {
            assertThat(store.countEvents()).isEqualTo(2);
            assertThat(store.readStream(StreamId.of("order", "o-2")).get(0).data().json()).isEqualTo("{\"n\":2}");
        }
        assertThat(Files.readString(root.resolve("metadata/event-index.jsonl")).replace(",\"c\":1", ""))
                .isEqualTo(original.replace(",\"c\":1", ""));
    }

    @Test
    void missing_or_stale_registries_are_rebuilt_when_the_store_opens() throws IOException {
        Path root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(root)) {
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(), NewEvent.of("A", RawJson.of("{}")));
        }
        Files.delete(root.resolve("metadata/aggregate-types.json"));
        Files.writeString(root.resolve("metadata/storage-statistics.json"), "{\"throughPosition\":0,\"events\":0}");

        FileSystemEventStore.open(root).close();

        assertThat(Files.readString(root.resolve("metadata/aggregate-types.json"))).contains("\"order\"");
        assertThat(Files.readString(root.resolve("metadata/storage-statistics.json"))).contains("\"events\": 1");
    }

    @Test
    void a_store_that_is_only_opened_and_read_rewrites_no_registry() throws IOException {
        Path root = dir.resolve("store");
        var types = dev.dossier.domain.model.EventTypeRegistry.empty().register("Noted", Noted.class);
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withEventTypes(types))) {
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(), NewEvent.of("Noted", RawJson.of("{\"n\":1}")));
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(), NewEvent.of("Other", RawJson.of("{}")));
        }
        var before = registries(root);

        try (var reader = FileSystemEventStore.open(root)) {
            assertThat(reader.readStream(StreamId.of("order", "o-1"))).hasSize(2);
        }

        assertThat(registries(root)).isEqualTo(before);
    }

    @Test
    void a_close_rewrites_the_registries_that_the_background_refresh_left_unforced() throws IOException {
        Path root = dir.resolve("store");
        var clock = new dev.dossier.infrastructure.contract.SteppingClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        var store = FileSystemEventStore.open(FileStoreOptions.at(root).withClock(clock).withRegistryInterval(1));
        store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(), NewEvent.of("A", RawJson.of("{}")));
        Path statistics = root.resolve("metadata/storage-statistics.json");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(statistics).contains("\"events\": 1") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(Files.readString(statistics)).as("refreshed in the background").contains("\"events\": 1");
        clock.set(java.time.Instant.parse("2026-01-01T01:00:00Z"));

        store.close();

        for (String registry : registries(root)) {
            assertThat(registry).contains("\"updatedAt\": \"2026-01-01T01:00:00");
        }
    }

    @Test
    void a_registry_holding_a_number_no_count_can_be_is_rebuilt_when_the_store_opens() throws IOException {
        Path root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(root)) {
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(), NewEvent.of("A", RawJson.of("{}")));
        }
        Path versions = root.resolve("metadata/event-schema-versions.json");
        Files.writeString(versions, Files.readString(versions).replace("\"1\": 1", "\"1\": 1e400"));

        FileSystemEventStore.open(root).close();

        assertThat(Files.readString(versions)).contains("\"1\": 1").doesNotContain("1e400");
    }

    record Noted(int n) {
    }

    private static java.util.List<String> registries(Path root) throws IOException {
        var texts = new java.util.ArrayList<String>();
        for (String name : java.util.List.of("aggregate-types.json", "event-schema-versions.json", "storage-statistics.json")) {
            texts.add(Files.readString(root.resolve("metadata").resolve(name)));
        }
        return texts;
    }

    /** What a file system can leave of a replaced file after a power cut: the new name, no content. */
    @Test
    void registries_left_empty_are_rebuilt_when_the_store_opens() throws IOException {
        Path root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(root)) {
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(), NewEvent.of("A", RawJson.of("{}")));
        }
        Files.write(root.resolve("metadata/aggregate-types.json"), new byte[0]);
        Files.write(root.resolve("metadata/storage-statistics.json"), new byte[0]);

        try (var reopened = FileSystemEventStore.open(root)) {
            assertThat(Files.readString(root.resolve("metadata/aggregate-types.json"))).contains("\"order\"");
            assertThat(Files.readString(root.resolve("metadata/storage-statistics.json"))).contains("\"events\": 1");
        }
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }
}
