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
import dev.dossier.infrastructure.contract.SteppingClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a few lines at a time of large packed range files (a read in global order over interleaved
 * aggregates does): once a file was read whole, later reads read just the lines they ask for, and get the
 * same events; a file whose lines moved since is read whole again; a damaged line is reported with its line
 * in the whole file. The read cache is small here, so the packed files themselves are never kept in it.
 */
class RangeRunsTest {
    /** Ten aggregates: 600 events, so that a read of them all is shared with the helper thread. */
    private static final int AGGREGATES = 10;
    private static final int EVENTS_EACH = 60;
    /** Whole packed files (about 40 KiB) are too large for this cache; their line maps are not. */
    private static final long CACHE_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T13:09:02.123Z"));

    private FileSystemEventStore open(Path root) {
        return FileSystemEventStore.open(FileStoreOptions.at(root).withClock(clock).withPackEvery(-1).withPackKeep(1)
                .withReadCacheBytes(CACHE_BYTES));
    }

    /** Appends single events to the aggregates in turn, then packs all but the last of each; returns all events. */
    private List<RecordedEvent> fillAndPack(FileSystemEventStore store) {
        List<RecordedEvent> all = append(store, EVENTS_EACH);
        assertThat(store.pack().events()).isEqualTo(AGGREGATES * (EVENTS_EACH - 1L));
        return all;
    }

    /** Appends {@code each} single events to every aggregate, in turn; returns all events of the store. */
    private List<RecordedEvent> append(FileSystemEventStore store, int each) {
        String pad = "p".repeat(300);
        for (int i = 0; i < AGGREGATES * each; i++) {
            clock.advance(Duration.ofMillis(1));
            store.append(stream(i % AGGREGATES), ExpectedVersion.any(),
                    NewEvent.of("Noted", RawJson.of("{\"i\":" + i + ",\"pad\":\"" + pad + "\"}")));
        }
        return store.readAll(GlobalPosition.FIRST, Integer.MAX_VALUE);
    }

    private static StreamId stream(int i) {
        return StreamId.of("order", "o-" + i);
    }

    /** Every event in global order, read in pages of five: a page asks one or two lines of each packed file. */
    private static List<RecordedEvent> readInSmallPages(FileSystemEventStore store) {
        var read = new ArrayList<RecordedEvent>();
        GlobalPosition from = GlobalPosition.FIRST;
        for (List<RecordedEvent> page; !(page = store.readAll(from, 5)).isEmpty(); ) {
            read.addAll(page);
            from = page.get(page.size() - 1).position().next();
        }
        return read;
    }

    private Path packedFile(Path root, int aggregate) throws IOException {
        Path directory = root.resolve("order").resolve("o-" + aggregate);
        Path packed = RangeFilesTest.list(directory).stream().map(directory::resolve)
                .filter(file -> file.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        assertThat(Files.size(packed)).as("large enough to be read a run of lines at a time")
                .isGreaterThanOrEqualTo(RangeViews.RUN_BYTES);
        return packed;
    }

    @Test
    void events_read_in_global_order_a_few_lines_at_a_time_from_large_packed_files_are_the_events_appended() {
        try (var store = open(dir.resolve("store"))) {
            List<RecordedEvent> appended = fillAndPack(store);

            assertThat(readInSmallPages(store)).isEqualTo(appended);
            assertThat(readInSmallPages(store)).as("again, the line maps known").isEqualTo(appended);
            assertThat(store.readAll(GlobalPosition.FIRST, Integer.MAX_VALUE)).as("in one read, with the helper thread")
                    .isEqualTo(appended);
            for (int a = 0; a < AGGREGATES; a++) {
                int aggregate = a;
                assertThat(store.readStream(stream(a)))
                        .isEqualTo(appended.stream().filter(e -> e.stream().equals(stream(aggregate))).toList());
            }
        }
    }

    @Test
    void a_packed_file_whose_lines_moved_under_the_same_name_is_read_whole_again() throws IOException {
        Path root = dir.resolve("store");
        try (var store = open(root)) {
            List<RecordedEvent> appended = fillAndPack(store);
            assertThat(readInSmallPages(store)).isEqualTo(appended);
            for (int a = 0; a < AGGREGATES; a++) {
                Path packed = packedFile(root, a);
                String moved = Files.readString(packed).replace(",\"data\": ", ", \"data\": ");
                Files.writeString(packed, moved);
            }

            assertThat(readInSmallPages(store)).isEqualTo(appended);
        }
    }

    @Test
    void a_damaged_line_read_in_a_run_is_reported_with_its_line_in_the_whole_file() throws IOException {
        Path root = dir.resolve("store");
        try (var store = open(root)) {
            fillAndPack(store);
            assertThat(readInSmallPages(store)).hasSize(AGGREGATES * EVENTS_EACH);
            Path packed = packedFile(root, 2);
            List<String> lines = new ArrayList<>(Files.readAllLines(packed));
            lines.set(29, lines.get(29).replace("{\"i\":", "{\"i\"!"));
            Files.write(packed, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            String name = root.relativize(packed).toString().replace('\\', '/');

            assertThatThrownBy(() -> readInSmallPages(store)).isInstanceOfSatisfying(CorruptDataException.class,
                    e -> assertThat(e.file()).isEqualTo(name + " line 30"));
        }
    }

    @Test
    void a_pack_replaced_by_a_larger_one_while_its_line_map_is_known_is_found_in_the_new_one() throws IOException {
        Path root = dir.resolve("store");
        try (var store = open(root); var packer = open(root)) {
            fillAndPack(store);
            assertThat(readInSmallPages(store)).hasSize(AGGREGATES * EVENTS_EACH);
            Path oldPack = packedFile(root, 0);
            List<RecordedEvent> all = append(packer, 20);
            packer.pack();
            assertThat(oldPack).as("merged into a larger pack").doesNotExist();

            assertThat(readInSmallPages(store)).isEqualTo(all);
        }
    }
}
