package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leftovers of an interrupted write are removed when the store opens, and never seen by readers. */
class RecoveryTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1");

    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void storeWithTwoEvents() {
        root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(root)) {
            store.append(ORDER, ExpectedVersion.noStream(),
                    List.of(NewEvent.of("A", RawJson.of("{}")), NewEvent.of("B", RawJson.of("{}"))));
        }
    }

    @Test
    void a_temporary_file_left_by_a_crash_is_removed_at_open() throws IOException {
        Path temp = Files.writeString(root.resolve("order/o-1/.tmp-123.part"), "{\"half");

        FileSystemEventStore.open(root).close();

        assertThat(temp).doesNotExist();
    }

    @Test
    void an_event_file_of_a_batch_that_never_committed_is_invisible_and_removed_at_open() throws IOException {
        Path orphan = Files.writeString(root.resolve("order/o-1/29991231235959999000-C.json"), "{}");

        try (var store = FileSystemEventStore.open(root)) {
            assertThat(store.readStream(ORDER)).hasSize(2);
            store.append(ORDER, ExpectedVersion.exactly(2), NewEvent.of("C", RawJson.of("{}")));
            assertThat(store.readStream(ORDER)).hasSize(3);
        }
        assertThat(orphan).doesNotExist();
        assertThat(count(root.resolve("order/o-1"))).isEqualTo(3);
    }

    @Test
    void a_torn_index_line_is_ignored_by_readers_and_cut_by_the_next_writer() throws IOException {
        Path index = root.resolve("metadata/event-index.jsonl");
        long sizeBefore = Files.size(index);
        Files.write(index, "{\"p\":3,\"s\":\"2026".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        try (var store = FileSystemEventStore.open(root)) {
            assertThat(store.countEvents()).isEqualTo(2);
            assertThat(Files.size(index)).isEqualTo(sizeBefore);
            store.append(ORDER, ExpectedVersion.exactly(2), NewEvent.of("C", RawJson.of("{}")));
            assertThat(store.readAll(GlobalPosition.FIRST, 10)).hasSize(3);
        }
    }

    @Test
    void index_lines_of_a_batch_without_its_commit_mark_are_not_visible() throws IOException {
        Path index = root.resolve("metadata/event-index.jsonl");
        List<String> lines = Files.readAllLines(index);
        String uncommitted = lines.get(0).replace("\"p\":1", "\"p\":3").replace("\"v\":1", "\"v\":3") + "\n";
        Files.write(index, uncommitted.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        try (var reader = FileSystemEventStore.open(root)) {
            assertThat(reader.countEvents()).isEqualTo(2);
            assertThat(reader.readStream(ORDER)).hasSize(2);
        }
    }

    @Test
    void a_reader_in_another_store_instance_sees_commits_as_they_happen() {
        try (var writer = FileSystemEventStore.open(root); var reader = FileSystemEventStore.open(root)) {
            writer.append(ORDER, ExpectedVersion.exactly(2), NewEvent.of("C", RawJson.of("{}")));

            assertThat(reader.currentVersion(ORDER).value()).isEqualTo(3);
            assertThat(reader.readAll(GlobalPosition.of(3), 10)).hasSize(1);
        }
    }

    private static long count(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}
