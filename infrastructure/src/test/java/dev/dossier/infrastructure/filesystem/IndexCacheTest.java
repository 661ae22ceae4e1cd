package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StorageStatistics;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.StoreIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index cache: written at close once enough events are missing from it, read at open only when it is
 * whole and the index still starts with the bytes it was taken from; otherwise the store reads the whole
 * index and answers exactly as without a cache.
 */
class IndexCacheTest {
    @TempDir
    Path dir;

    @Test
    void a_store_closed_with_enough_events_not_in_a_cache_writes_one_that_the_next_open_loads() throws IOException {
        Path root = storeOf(30, 10);

        long indexSize = indexSize(root);
        assertThat(loadCache(root, 10)).hasValueSatisfying(loaded -> {
            assertThat(loaded.index().lastPosition()).isEqualTo(30);
            assertThat(loaded.indexBytes()).isEqualTo(indexSize);
        });
        assertThat(Files.readAllLines(cache(root)).get(0))
                .startsWith("{\"format\":\"dossier-index-cache\",\"version\":1,\"indexBytes\":" + indexSize)
                .contains("\"events\":30");
    }

    @Test
    void a_cache_of_several_chunks_loads_every_entry_as_the_index_lines_give_it() throws IOException {
        Path root = dir.resolve("store");
        try (var store = open(root, 10)) {
            for (int batch = 0; batch < 90; batch++) {
                var events = new ArrayList<NewEvent>();
                for (int i = 0; i < 100; i++) {
                    events.add(NewEvent.of("E" + i % 7, RawJson.of("{\"n\":" + i + "}")));
                }
                store.append(StreamId.of("order", "o-" + batch % 13), ExpectedVersion.any(), events);
            }
        }

        assertThat(loadCache(root, 10)).hasValueSatisfying(loaded -> {
            assertThat(loaded.index().lastPosition()).isEqualTo(9_000);
            assertThat(loaded.index().from(1, 9_000)).isEqualTo(indexLines(root));
        });
        try (var store = open(root, 10)) {
            assertThat(store.statistics()).isEqualTo(statisticsWithoutCache(root));
            assertThat(store.readStream(StreamId.of("order", "o-12"))).hasSize(600);
        }
    }

    @Test
    void a_store_opened_from_its_cache_writes_a_new_one_that_covers_the_whole_index_again() throws IOException {
        Path root = storeOf(30, 10);
        try (var store = open(root, 10)) {
            append(store, 30, 10);
        }

        long indexSize = indexSize(root);
        assertThat(loadCache(root, 10)).hasValueSatisfying(loaded -> {
            assertThat(loaded.index().lastPosition()).isEqualTo(40);
            assertThat(loaded.indexBytes()).isEqualTo(indexSize);
        });
    }

    @Test
    void a_cache_of_more_lines_than_the_index_holds_is_not_used() throws IOException {
        Path root = storeOf(30, 10);
        Path index = root.resolve("metadata/event-index.jsonl");
        List<String> lines = Files.readAllLines(index);
        Files.write(index, lines.subList(0, 10).stream().map(l -> l.contains("\"c\":1") ? l : l.replace("}", ",\"c\":1}"))
                .toList());

        assertThat(loadCache(root, 10)).isEmpty();
        try (var store = open(root, 1_000)) {
            assertThat(store.countEvents()).isEqualTo(10);
        }
    }

    @Test
    void a_cache_naming_a_stream_no_index_line_could_name_is_not_used() throws IOException {
        Path root = storeOf(30, 10);
        String edited = Files.readString(cache(root)).replaceFirst("\\[\"order\",\"o-0\"\\]", "[\"order\",\"\"]");
        String lines = edited.substring(0, edited.lastIndexOf("{\"checksum\""));
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        Files.writeString(cache(root), lines + "{\"checksum\":\"" + IndexChecksum.of(bytes, 0, bytes.length) + "\"}\n");

        assertThat(loadCache(root, 10)).isEmpty();
        try (var store = open(root, 1_000)) {
            assertThat(store.readStream(StreamId.of("order", "o-0"))).hasSize(10);
        }
    }

    @Test
    void opening_a_store_whose_cache_misses_enough_events_writes_one_before_any_close() throws IOException {
        Path root = storeOf(30, -1);
        assertThat(cache(root)).doesNotExist();

        byte[] written;
        try (var store = open(root, 10)) {
            long indexSize = indexSize(root);
            assertThat(loadCache(root, 10)).as("written at open, the store still open").hasValueSatisfying(loaded -> {
                assertThat(loaded.index().lastPosition()).isEqualTo(30);
                assertThat(loaded.indexBytes()).isEqualTo(indexSize);
            });
            assertThat(store.readAll(GlobalPosition.FIRST, 100)).hasSize(30);
            written = Files.readAllBytes(cache(root));
        }
        assertThat(Files.readAllBytes(cache(root))).as("close leaves the cache open wrote alone").isEqualTo(written);
    }

    @Test
    void a_cache_that_cannot_be_written_leaves_the_store_working() throws IOException {
        Path root = storeOf(30, -1);
        Files.createDirectories(cache(root));
        Files.writeString(cache(root).resolve("mine.txt"), "not a cache");

        try (var store = open(root, 10)) {
            append(store, 30, 1);
            assertThat(store.readAll(GlobalPosition.FIRST, 100)).hasSize(31);
        }

        assertThat(cache(root).resolve("mine.txt")).hasContent("not a cache");
        try (var files = Files.list(root.resolve("metadata"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".tmp-"));
        }
    }

    @Test
    void a_store_with_fewer_new_events_than_the_threshold_writes_no_cache() throws IOException {
        Path root = storeOf(9, 10);

        assertThat(cache(root)).doesNotExist();
    }

    @Test
    void events_appended_after_the_cache_was_taken_are_read_from_the_index_lines_after_it() throws IOException {
        Path root = storeOf(20, 10);
        List<RecordedEvent> expected;
        try (var store = open(root, 1_000)) {
            append(store, 20, 7);
            expected = store.readAll(GlobalPosition.FIRST, 100);
        }

        long indexSize = indexSize(root);
        assertThat(loadCache(root, 1_000)).hasValueSatisfying(loaded -> {
            assertThat(loaded.index().lastPosition()).isEqualTo(20);
            assertThat(loaded.indexBytes()).isLessThan(indexSize);
        });
        try (var store = open(root, 1_000)) {
            assertThat(store.readAll(GlobalPosition.FIRST, 100)).hasSize(27).isEqualTo(expected);
            assertThat(store.currentVersion(StreamId.of("order", "o-1")).value()).isEqualTo(9);
            assertThat(store.statistics()).isEqualTo(statisticsWithoutCache(root));
        }
    }

    @Test
    void a_damaged_cache_is_not_used_and_is_replaced() throws IOException {
        Path root = storeOf(30, 10);
        byte[] bytes = Files.readAllBytes(cache(root));
        int chunk = new String(bytes, StandardCharsets.US_ASCII).indexOf("\n\"") + 10;
        bytes[chunk] = (byte) (bytes[chunk] == 'A' ? 'B' : 'A');
        Files.write(cache(root), bytes);

        assertThat(loadCache(root, 10)).isEmpty();
        try (var store = open(root, 10)) {
            assertThat(store.readAll(GlobalPosition.FIRST, 100)).hasSize(30);
        }
        assertThat(loadCache(root, 10)).isPresent();
    }

    @Test
    void a_torn_cache_is_not_used() throws IOException {
        Path root = storeOf(30, 10);
        byte[] bytes = Files.readAllBytes(cache(root));
        Files.write(cache(root), Arrays.copyOf(bytes, bytes.length - 5));

        assertThat(loadCache(root, 10)).isEmpty();
    }

    @Test
    void a_cache_is_not_used_once_the_index_lines_it_was_taken_from_have_changed() throws IOException {
        Path root = storeOf(30, 10);
        long bytesBefore = statisticsWithoutCache(root).bytes();
        String index = Files.readString(root.resolve("metadata/event-index.jsonl"));
        String changed = index.replaceFirst("\"b\":(\\d)", "\"b\":9");
        assertThat(changed).isNotEqualTo(index).hasSameSizeAs(index);
        Files.writeString(root.resolve("metadata/event-index.jsonl"), changed);

        assertThat(loadCache(root, 10)).isEmpty();
        try (var store = open(root, 1_000)) {
            assertThat(store.statistics().bytes()).isNotEqualTo(bytesBefore);
            assertThat(store.statistics()).isEqualTo(statisticsWithoutCache(root));
        }
        assertThat(cache(root)).as("an unusable cache is deleted when no new one is due").doesNotExist();
    }

    @Test
    void with_the_cache_turned_off_none_is_written_and_an_existing_one_is_not_read() throws IOException {
        Path root = storeOf(30, -1);
        assertThat(cache(root)).doesNotExist();
        try (var store = open(root, 10)) {
            append(store, 30, 1);
        }

        assertThat(loadCache(root, -1)).isEmpty();
        assertThat(loadCache(root, 10)).isPresent();
    }

    @Test
    void verify_finds_nothing_wrong_in_a_store_with_a_cache() throws IOException {
        Path root = storeOf(30, 10);

        assertThat(cache(root)).exists();
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    /** A store of {@code events} events in three streams, closed with the cache threshold given. */
    private Path storeOf(int events, int threshold) {
        Path root = dir.resolve("store");
        try (var store = open(root, threshold)) {
            append(store, 0, events);
        }
        return root;
    }

    private static void append(FileSystemEventStore store, int first, int count) {
        for (int i = first; i < first + count; i++) {
            store.append(StreamId.of("order", "o-" + i % 3), ExpectedVersion.any(),
                    NewEvent.of(i % 2 == 0 ? "Placed" : "Paid", RawJson.of("{\"n\":" + i + "}")));
        }
    }

    private static FileSystemEventStore open(Path root, int threshold) {
        return FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED)
                .withIndexCacheEvents(threshold));
    }

    /** What a store opened with {@code threshold} would load from the cache at {@code root}. */
    private static Optional<IndexCache.Loaded> loadCache(Path root, int threshold) throws IOException {
        try (var index = FileChannel.open(root.resolve("metadata/event-index.jsonl"))) {
            return new IndexCache(new StoreLayout(root), new DurableFiles(Durability.OS_BUFFERED, true, true), threshold)
                    .load(index);
        }
    }

    private static StorageStatistics statisticsWithoutCache(Path root) {
        try (var store = open(root, -1)) {
            return store.statistics();
        }
    }

    /** The entries the index file's lines give, read without a cache. */
    private static List<IndexEntry> indexLines(Path root) {
        var index = new StoreIndex();
        try (var log = new IndexLog(FileChannel.open(root.resolve("metadata/event-index.jsonl")), "index", index)) {
            log.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index.from(1, Integer.MAX_VALUE);
    }

    private static Path cache(Path root) {
        return root.resolve("metadata/index-cache.jsonl");
    }

    private static long indexSize(Path root) throws IOException {
        return Files.size(root.resolve("metadata/event-index.jsonl"));
    }
}
