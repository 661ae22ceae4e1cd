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

/**
 * After a crash, opening the store finishes every committed append from the journal and removes
 * temporary files; nothing uncommitted is ever seen by readers.
 */
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

    /** A store abandoned without close, as a crashed process leaves it: its journal still holds the commits. */
    private FileSystemEventStore crashedAfterAppending(StreamId stream, int events) {
        var store = FileSystemEventStore.open(FileStoreOptions.at(root).withCheckpointInterval(1_000_000));
        for (int i = 0; i < events; i++) {
            store.append(stream, ExpectedVersion.any(), NewEvent.of("C", RawJson.of("{\"i\":" + i + "}")));
        }
        return store;
    }

    @Test
    void a_committed_event_whose_file_was_lost_is_written_again_from_the_journal_at_open() throws IOException {
        StreamId other = StreamId.of("order", "o-2");
        crashedAfterAppending(other, 2);
        Path lost;
        try (Stream<Path> files = Files.list(root.resolve("order/o-2"))) {
            lost = files.sorted().toList().get(1);
        }
        Files.write(lost, new byte[0]);

        try (var store = FileSystemEventStore.open(root)) {
            assertThat(store.readStream(other)).extracting(e -> e.data().json())
                    .containsExactly("{\"i\":0}", "{\"i\":1}");
        }
        assertThat(Files.size(lost)).isPositive();
    }

    @Test
    void a_commit_whose_files_and_index_lines_were_never_written_is_finished_at_open() throws IOException {
        StreamId other = StreamId.of("order", "o-2");
        crashedAfterAppending(other, 1);
        Path index = root.resolve("metadata/event-index.jsonl");
        List<String> lines = Files.readAllLines(index);
        Files.writeString(index, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n");
        deleteTree(root.resolve("order/o-2"));

        try (var store = FileSystemEventStore.open(root)) {
            assertThat(store.readStream(other)).hasSize(1);
            assertThat(store.countEvents()).isEqualTo(3);
        }
    }

    @Test
    void temporary_files_of_an_interrupted_redo_are_removed_at_open() throws IOException {
        crashedAfterAppending(ORDER, 1);
        Path temp = Files.writeString(root.resolve("order/o-1/.tmp-123.part"), "{\"half");

        FileSystemEventStore.open(root).close();

        assertThat(temp).doesNotExist();
    }

    @Test
    void an_event_file_no_commit_names_is_never_seen_by_readers() throws IOException {
        Files.writeString(root.resolve("order/o-1/29991231235959999000-C.json"), "{}");

        try (var store = FileSystemEventStore.open(root)) {
            assertThat(store.readStream(ORDER)).hasSize(2);
            store.append(ORDER, ExpectedVersion.exactly(2), NewEvent.of("C", RawJson.of("{}")));
            assertThat(store.readStream(ORDER)).hasSize(3);
            assertThat(store.readAll(GlobalPosition.FIRST, 10)).hasSize(3);
        }
    }

    @Test
    void a_clean_close_leaves_an_empty_journal() throws IOException {
        crashedAfterAppending(ORDER, 1);
        FileSystemEventStore.open(root).close();

        assertThat(Files.readAllLines(root.resolve("metadata/journal.jsonl"))).hasSize(1)
                .allMatch(line -> line.startsWith("{\"journal\":1,\"checkpoint\":3"));
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
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


    @Test
    void bytes_of_an_uncommitted_append_behind_zeros_in_the_preallocated_journal_never_come_back() throws IOException {
        Path journal = root.resolve("metadata/journal.jsonl");
        long header = Files.size(journal);
        String stale = "{\"junk\":\"" + "x".repeat(3000) + "\"}\n"
                + "{\"p\":99,\"s\":\"20261123130902123000\",\"t\":\"order\",\"i\":\"o-9\",\"v\":1,"
                + "\"e\":\"X\",\"sv\":1,\"id\":\"00000000-0000-0000-0000-000000000001\",\"b\":2,\"c\":1,\"f\":\"{}\"}\n";
        try (var channel = java.nio.channels.FileChannel.open(journal, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(stale.getBytes(java.nio.charset.StandardCharsets.UTF_8)), header + 600);
        }

        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withCheckpointInterval(1_000_000))) {
            store.append(ORDER, ExpectedVersion.any(), NewEvent.of("D", RawJson.of("{\"text\":\"" + "y".repeat(700) + "\"}")));
            try (var other = FileSystemEventStore.open(root)) {
                assertThat(other.readAll(dev.dossier.domain.model.GlobalPosition.FIRST, 100)).hasSize(3);
            }
        }
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    @Test
    void a_store_opened_by_another_object_while_its_journal_is_sealed_and_packed_loses_nothing() throws IOException {
        var options = FileStoreOptions.at(root).withCheckpointInterval(4).withPackKeep(1).withPackEvery(-1);
        var appended = new java.util.ArrayList<dev.dossier.domain.model.RecordedEvent>();
        try (var writer = FileSystemEventStore.open(options)) {
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 6; i++) {
                    appended.addAll(writer.append(ORDER, ExpectedVersion.any(),
                            NewEvent.of("E", RawJson.of("{\"i\":" + i + "}"))).events());
                }
                try (var packer = FileSystemEventStore.open(options)) {
                    packer.pack();
                }
            }
            assertThat(writer.readStream(ORDER).subList(2, 32)).isEqualTo(appended);
        }
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
        try (Stream<Path> metadata = Files.list(root.resolve("metadata"))) {
            assertThat(metadata.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("journal-"));
        }
    }
}
