package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.contract.SteppingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing merges an aggregate's older events into one range file, atomically, and readers never notice. */
class PackingTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1");

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T13:09:02.123Z"));

    private FileSystemEventStore open(Path root, int keep) {
        return FileSystemEventStore.open(FileStoreOptions.at(root).withClock(clock).withPackKeep(keep).withPackEvery(-1));
    }

    private List<RecordedEvent> appendSingles(FileSystemEventStore store, int count) {
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofMillis(1));
            store.append(ORDER, ExpectedVersion.any(), NewEvent.of("Noted", RawJson.of("{\"i\":" + i + "}")));
        }
        return store.readStream(ORDER);
    }

    @Test
    void packing_merges_all_but_the_most_recent_events_into_one_range_file_and_reads_do_not_change() throws IOException {
        Path root = dir.resolve("store");
        List<RecordedEvent> before;
        try (var store = open(root, 5)) {
            before = appendSingles(store, 30);
            PackReport report = store.pack();
            assertThat(report).isEqualTo(new PackReport(1, 25, 25, 1));
            assertThat(store.readStream(ORDER)).isEqualTo(before);
        }
        List<String> files = RangeFilesTest.list(root.resolve("order/o-1"));
        assertThat(files).hasSize(6).first().asString().endsWith(".jsonl");
        assertThat(Files.readAllLines(root.resolve("order/o-1").resolve(files.get(0)))).hasSize(25);
        try (var store = open(root, 5)) {
            assertThat(store.readStream(ORDER)).isEqualTo(before);
        }
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    @Test
    void packing_again_leaves_a_pack_as_it_is_and_merges_only_what_came_after() throws IOException {
        Path root = dir.resolve("store");
        try (var store = open(root, 5)) {
            appendSingles(store, 30);
            store.pack();
            appendSingles(store, 20);
            assertThat(store.pack()).isEqualTo(new PackReport(1, 45, 21, 1));
            assertThat(store.pack()).isEqualTo(new PackReport(0, 0, 0, 0));
        }
        assertThat(RangeFilesTest.list(root.resolve("order/o-1"))).hasSize(6);
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    /** Checkpoints run inline here: a pack never takes events that a sealed journal still protects. */
    @Test
    void an_aggregate_is_packed_automatically_when_its_version_passes_a_multiple_of_pack_every() throws IOException {
        Path root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withClock(clock).withPackKeep(3)
                .withPackEvery(10).withCheckpointInterval(4).withInlineCheckpoints(true))) {
            appendSingles(store, 9);
            assertThat(RangeFilesTest.list(root.resolve("order/o-1"))).noneMatch(f -> f.endsWith(".jsonl"));
            appendSingles(store, 1);
            assertThat(RangeFilesTest.list(root.resolve("order/o-1"))).anyMatch(f -> f.endsWith(".jsonl"));
            assertThat(store.readStream(ORDER)).hasSize(10);
        }
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    /** A batch of ten 4 KB events is one range file of about 40 KB: rewriting it would save little disk. */
    @Test
    void an_automatic_pack_leaves_a_range_file_of_32_KiB_or_more_alone_and_an_explicit_pack_merges_it()
            throws IOException {
        Path root = dir.resolve("store");
        Path aggregate = root.resolve("order/o-1");
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withClock(clock).withPackKeep(2)
                .withPackEvery(20).withCheckpointInterval(4).withInlineCheckpoints(true))) {
            clock.advance(Duration.ofMillis(1));
            String large = "{\"text\":\"" + "x".repeat(4000) + "\"}";
            store.append(ORDER, ExpectedVersion.noStream(), java.util.stream.IntStream.range(0, 10)
                    .mapToObj(i -> NewEvent.of("Noted", RawJson.of(large))).toList());
            String batch = RangeFilesTest.list(aggregate).get(0);
            assertThat(Files.size(aggregate.resolve(batch))).isGreaterThanOrEqualTo(StorePacker.FULL_BYTES);
            List<RecordedEvent> before = appendSingles(store, 30);

            List<String> files = RangeFilesTest.list(aggregate);
            assertThat(files).hasSize(4).startsWith(batch);
            assertThat(Files.readAllLines(aggregate.resolve(files.get(1)))).hasSize(28);

            assertThat(store.pack()).isEqualTo(new PackReport(1, 38, 2, 1));
            assertThat(RangeFilesTest.list(aggregate)).hasSize(3);
            assertThat(store.readStream(ORDER)).isEqualTo(before);
        }
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    /**
     * An automatic pack plans from where the aggregate's leading full range files ended last time; a pack by
     * another store object that merged across that point makes it plan from the start, so that it never
     * takes part of a file for the whole of it.
     */
    @Test
    void an_automatic_pack_after_another_pack_merged_across_where_the_last_one_stopped_loses_nothing()
            throws IOException {
        Path root = dir.resolve("store");
        var options = FileStoreOptions.at(root).withClock(clock).withCheckpointInterval(4).withInlineCheckpoints(true);
        try (var store = FileSystemEventStore.open(options.withPackKeep(2).withPackEvery(30))) {
            clock.advance(Duration.ofMillis(1));
            String large = "{\"text\":\"" + "x".repeat(4000) + "\"}";
            store.append(ORDER, ExpectedVersion.noStream(), java.util.stream.IntStream.range(0, 10)
                    .mapToObj(i -> NewEvent.of("Noted", RawJson.of(large))).toList());
            appendSingles(store, 20);
            try (var other = FileSystemEventStore.open(options.withPackKeep(15).withPackEvery(-1))) {
                assertThat(other.pack()).isEqualTo(new PackReport(1, 15, 6, 1));
            }
            List<RecordedEvent> before = appendSingles(store, 30);

            assertThat(RangeFilesTest.list(root.resolve("order/o-1"))).hasSize(4);
            assertThat(store.readStream(ORDER)).isEqualTo(before).hasSize(60);
        }
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    @Test
    void a_pack_interrupted_after_its_file_took_its_name_is_finished_when_the_store_opens() throws IOException {
        Path root = dir.resolve("store");
        List<RecordedEvent> before;
        try (var store = open(root, 2)) {
            before = appendSingles(store, 8);
        }
        interruptAPackAfterItsFileTookItsName(root, dir.resolve("copy"));
        Path aggregate = root.resolve("order/o-1");

        try (var store = open(root, 2)) {
            assertThat(store.readStream(ORDER)).isEqualTo(before);
        }
        assertThat(RangeFilesTest.list(aggregate)).hasSize(3);
        assertThat(root.resolve("metadata/packing.json")).doesNotExist();
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    /**
     * A live store deletes what an automatic pack replaced a few files at a time; verify waits while that
     * goes on, and reports a pack that makes no progress (a crash interrupted it).
     */
    @Test
    void verify_waits_for_a_pack_whose_replaced_files_are_being_deleted_and_reports_one_that_stalls()
            throws Exception {
        Path root = dir.resolve("store");
        try (var store = open(root, 2)) {
            appendSingles(store, 8);
        }
        List<Path> sources = interruptAPackAfterItsFileTookItsName(root, dir.resolve("copy"));
        var layout = new StoreLayout(root.toAbsolutePath());
        var files = new DurableFiles(Durability.SYNC, true, true);
        assertThat(FileStoreVerifier.at(root).verify().problems()).as("a stalled pack").isNotEmpty();

        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        Thread deleter = new Thread(() -> {
            try {
                for (Path source : sources) {
                    Thread.sleep(100);
                    Files.delete(source);
                }
                PackIntent.clear(layout, files);
            } catch (IOException | InterruptedException e) {
                failure.set(e);
            }
        });
        deleter.start();
        assertThat(FileStoreVerifier.at(root).verify().problems()).as("deletions under way").isEmpty();
        deleter.join();
        assertThat(failure.get()).isNull();
        assertThat(root.resolve("metadata/packing.json")).doesNotExist();
    }

    /**
     * Leaves {@code root}'s aggregate as a crash after step 2 of a pack leaves it: the range file (made by
     * packing a copy) beside the six files it replaces, and the intent; returns those six files.
     */
    private List<Path> interruptAPackAfterItsFileTookItsName(Path root, Path copy) throws IOException {
        FileSystemFixture.copyTree(root, copy);
        try (var store = open(copy, 2)) {
            store.pack();
        }
        Path pack = RangeFilesTest.list(copy.resolve("order/o-1")).stream().filter(name -> name.endsWith(".jsonl"))
                .findFirst().map(copy.resolve("order/o-1")::resolve).orElseThrow();
        Path aggregate = root.resolve("order/o-1").toAbsolutePath();
        List<Path> sources = RangeFilesTest.list(aggregate).stream().limit(6).map(aggregate::resolve).toList();
        Files.copy(pack, aggregate.resolve(pack.getFileName()));
        PackIntent.write(new StoreLayout(root.toAbsolutePath()), new DurableFiles(Durability.SYNC, true, true),
                aggregate.resolve(pack.getFileName()), sources);
        return sources;
    }

    @Test
    void a_pack_interrupted_before_its_file_took_its_name_changes_nothing() throws IOException {
        Path root = dir.resolve("store");
        List<RecordedEvent> before;
        try (var store = open(root, 2)) {
            before = appendSingles(store, 8);
        }
        Path aggregate = root.resolve("order/o-1");
        List<Path> sources = Files.list(aggregate).sorted().limit(6).map(Path::toAbsolutePath).toList();
        PackIntent.write(new StoreLayout(root.toAbsolutePath()), new DurableFiles(Durability.SYNC, true, true),
                aggregate.resolve("20261123130902124000-20261123130902129000.jsonl").toAbsolutePath(), sources);

        try (var store = open(root, 2)) {
            assertThat(store.readStream(ORDER)).isEqualTo(before);
        }
        assertThat(RangeFilesTest.list(aggregate)).hasSize(8);
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    @Test
    void another_store_object_reading_while_the_aggregate_is_packed_sees_the_same_events() throws IOException {
        Path root = dir.resolve("store");
        try (var writer = open(root, 1); var reader = open(root, 1)) {
            List<RecordedEvent> before = appendSingles(writer, 20);
            assertThat(reader.readStream(ORDER)).isEqualTo(before);
            writer.pack();
            assertThat(reader.readStream(ORDER)).isEqualTo(before);
            writer.pack();
            List<RecordedEvent> after = appendSingles(writer, 15);
            writer.pack();
            assertThat(reader.readStream(ORDER)).isEqualTo(after);
        }
    }

    @Test
    void a_reader_that_knew_a_pack_since_replaced_by_a_larger_one_finds_the_events_in_the_new_one() throws IOException {
        Path root = dir.resolve("store");
        try (var writer = open(root, 1);
             var reader = FileSystemEventStore.open(FileStoreOptions.at(root).withClock(clock).withPackEvery(-1)
                     .withReadCacheBytes(-1))) {
            appendSingles(writer, 20);
            writer.pack();
            assertThat(reader.readStream(ORDER)).as("the reader learns of the first pack").hasSize(20);
            List<RecordedEvent> after = appendSingles(writer, 15);
            assertThat(writer.pack().filesBefore()).as("the first pack is merged into the second").isGreaterThan(15);

            assertThat(reader.readStream(ORDER)).isEqualTo(after);
            assertThat(reader.readAll(dev.dossier.domain.model.GlobalPosition.FIRST, 100)).isEqualTo(after);
        }
    }
}
