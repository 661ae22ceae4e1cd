package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads of thousands of events, which the store shares between the caller and its helper thread (see ReadHelper). */
class LongReadsTest {
    private static final int AGGREGATES = 30;
    private static final int BATCHES = 300;

    @TempDir
    Path dir;

    private FileSystemEventStore open() {
        return FileSystemEventStore.open(FileStoreOptions.at(dir.resolve("store")));
    }

    /** Appends batches of ten to the aggregates in turn; returns every event in the order appended. */
    private static List<RecordedEvent> fill(FileSystemEventStore store) {
        var appended = new ArrayList<RecordedEvent>();
        for (int b = 0; b < BATCHES; b++) {
            int aggregate = b % AGGREGATES;
            int first = b / AGGREGATES * 10;
            List<NewEvent> batch = IntStream.range(first, first + 10).mapToObj(i -> NewEvent.of("ItemAdded",
                    RawJson.of("{\"aggregate\":" + aggregate + ",\"line\":" + i + "}"))).toList();
            appended.addAll(store.append(stream(aggregate), ExpectedVersion.exactly(Version.of(first)), batch).events());
        }
        return appended;
    }

    private static StreamId stream(int aggregate) {
        return StreamId.of("order", "o-" + aggregate);
    }

    @Test
    void a_long_read_returns_every_event_in_global_order_and_a_stream_in_version_order() {
        try (var store = open()) {
            List<RecordedEvent> appended = fill(store);
            assertThat(store.readAll(GlobalPosition.FIRST, 10 * BATCHES)).isEqualTo(appended);
            assertThat(store.readAll(GlobalPosition.of(700), 1_500)).isEqualTo(appended.subList(699, 2_199));
            assertThat(store.readByEventType(dev.dossier.domain.model.EventType.of("ItemAdded"), GlobalPosition.FIRST,
                    10 * BATCHES)).isEqualTo(appended);
            assertThat(store.readStream(stream(7))).as("ten range files of one aggregate, one after another")
                    .hasSize(10 * BATCHES / AGGREGATES)
                    .isEqualTo(appended.stream().filter(e -> e.stream().equals(stream(7))).toList());
        }
        try (var store = open()) {
            assertThat(store.readAll(GlobalPosition.FIRST, 10 * BATCHES)).hasSize(10 * BATCHES)
                    .extracting(e -> e.position().value()).isSorted();
        }
    }

    @Test
    void a_damaged_file_anywhere_in_a_long_read_is_reported_by_its_name() throws IOException {
        try (var store = open()) {
            fill(store);
        }
        Path aggregate = dir.resolve("store/order/o-17");
        Path damaged;
        try (var files = Files.list(aggregate)) {
            damaged = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().skip(5).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (var store = open()) {
            assertThatThrownBy(() -> store.readAll(GlobalPosition.FIRST, 10 * BATCHES))
                    .isInstanceOf(CorruptDataException.class).hasMessageContaining(damaged.getFileName().toString());
        }
    }

    @Test
    void long_reads_from_several_threads_at_once_each_get_every_event_in_order() throws Exception {
        try (var store = open()) {
            List<RecordedEvent> appended = fill(store);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                var reads = new ArrayList<java.util.concurrent.Future<List<RecordedEvent>>>();
                for (int i = 0; i < 8; i++) {
                    reads.add(pool.submit(() -> store.readAll(GlobalPosition.FIRST, 10 * BATCHES)));
                }
                for (var read : reads) {
                    assertThat(read.get()).isEqualTo(appended);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void a_long_read_of_single_event_files_returns_every_event_in_order() {
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(dir.resolve("store"))
                .withDurability(Durability.OS_BUFFERED))) {
            var appended = new ArrayList<RecordedEvent>();
            for (int i = 0; i < 1_200; i++) {
                NewEvent event = NewEvent.of("ItemAdded", RawJson.of("{\"line\":" + i + "}"));
                appended.addAll(store.append(stream(i % AGGREGATES), ExpectedVersion.any(), List.of(event)).events());
            }
            assertThat(store.readAll(GlobalPosition.FIRST, 2_000)).isEqualTo(appended);
        }
    }

    @Test
    void no_reader_thread_outlives_the_store() {
        Set<Thread> before = readerThreads();
        Set<Thread> started;
        try (var store = open()) {
            fill(store);
            for (int i = 0; i < 5; i++) {
                store.readAll(GlobalPosition.FIRST, 10 * BATCHES);
            }
            started = readerThreads();
            started.removeAll(before);
        }
        assertThat(started).isNotEmpty().allMatch(Thread::isDaemon).noneMatch(Thread::isAlive);
    }

    private static Set<Thread> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("dossier-reader"))
                .collect(Collectors.toSet());
    }
}
