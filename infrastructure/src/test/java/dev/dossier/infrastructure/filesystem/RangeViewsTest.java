package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk of a read takes a large range file whole the first time, and learns its line map; later chunks
 * read just the run of lines they ask for, unless the lines moved.
 */
class RangeViewsTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1");
    private static final int LINES = 40;

    @TempDir
    Path root;

    private StoreLayout layout;
    private Path file;
    private RangeCatalog.Range range;
    private final FileCache cache = new FileCache(64 * 1024);

    private static EventStamp stamp(int line) {
        return EventStamp.parse("20261123130902" + (100 + line) + "000").orElseThrow();
    }

    private static IndexEntry entry(int line) {
        return new IndexEntry(line + 1, stamp(line), ORDER, line + 1, EventType.of("Noted"), 1, UUID.randomUUID(), 0);
    }

    private static List<IndexEntry> entries(int fromLine, int toLine) {
        return IntStream.range(fromLine, toLine).mapToObj(RangeViewsTest::entry).toList();
    }

    private void write(String extra) throws IOException {
        var content = new StringBuilder();
        for (int line = 0; line < LINES; line++) {
            content.append("{\"stamp\":\"").append(stamp(line).digits()).append("\",").append(extra)
                    .append("\"pad\":\"")
                    .append("x".repeat(500)).append("\"}\n");
        }
        Files.writeString(file, content);
    }

    @BeforeEach
    void a_range_file_of_forty_lines() throws IOException {
        layout = new StoreLayout(root);
        Path directory = Files.createDirectories(root.resolve("order").resolve("o-1"));
        String name = stamp(0).digits() + "-" + stamp(LINES - 1).digits() + ".jsonl";
        file = directory.resolve(name);
        range = new RangeCatalog.Range(StoreLayout.parseRangeFileName(name).orElseThrow(), file);
        write("");
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(RangeViews.RUN_BYTES);
    }

    private RangeViews views(List<IndexEntry> chunk) {
        return new RangeViews(layout, cache, new StoredFileReader(layout), chunk);
    }

    @Test
    void a_large_file_is_read_whole_first_and_then_only_the_run_of_lines_a_chunk_asks_for() {
        RangeFile first = views(entries(0, 2)).holding(0, range);
        assertThat(first.lines()).as("the chunk keeps only the lines it asks, cut from the file read whole")
                .isEqualTo(2);
        assertThat(cache.range(file)).as("too large for this cache").isNull();
        assertThat(cache.map(file)).isNotNull();

        List<IndexEntry> chunk = entries(10, 15);
        RangeViews views = views(chunk);
        RangeFile run = views.holding(0, range);

        assertThat(run.lines()).isEqualTo(5);
        assertThat(run.stamp(0)).contains(stamp(10));
        assertThat(run.lineOf(chunk.get(4))).isEqualTo(4);
        assertThat(views.holding(4, range)).as("the same run serves the chunk's later entries").isSameAs(run);
    }

    @Test
    void a_run_ends_at_the_last_line_the_chunk_asks_of_the_same_stream() {
        IndexEntry elsewhere = new IndexEntry(99, stamp(30), StreamId.of("order", "o-2"), 31, EventType.of("Noted"), 1,
                UUID.randomUUID(), 0);
        views(entries(0, 1)).holding(0, range);

        RangeFile run = views(List.of(entry(20), elsewhere, entry(21), entry(23))).holding(0, range);

        assertThat(run.lines()).as("lines 20 to 23; the other stream's version 31 is not asked of this file")
                .isEqualTo(4);
    }

    @Test
    void a_file_whose_lines_moved_under_the_same_name_is_read_whole_again() throws IOException {
        views(entries(0, 1)).holding(0, range);
        RangeMap before = cache.map(file);
        write("\"moved\":1,");

        RangeFile again = views(entries(10, 12)).holding(0, range);

        assertThat(again.lines()).isEqualTo(2);
        assertThat(again.stamp(0)).contains(stamp(10));
        assertThat(cache.map(file)).isNotNull().isNotSameAs(before);
        assertThat(cache.map(file).startOf(11)).isEqualTo(before.startOf(11) + 10 * "\"moved\":1,".length());
    }

    @Test
    void a_run_whose_first_line_is_not_the_first_entrys_is_dropped_and_the_file_read_whole_again() {
        views(entries(0, 1)).holding(0, range);
        RangeMap learnt = cache.map(file);
        cache.put(file, new RangeMap(learnt.firstVersion() + 1, learnt.starts()));

        RangeFile read = views(entries(10, 12)).holding(0, range);

        assertThat(read.stamp(0)).contains(stamp(10));
        assertThat(read.lines()).isEqualTo(2);
        assertThat(cache.map(file).firstVersion()).as("learnt again from the file").isEqualTo(1);
    }

    @Test
    void a_file_the_cache_keeps_is_used_whole() {
        var roomy = new FileCache(1 << 20);
        var views = new RangeViews(layout, roomy, new StoredFileReader(layout), entries(0, 2));

        RangeFile whole = views.holding(0, range);

        assertThat(whole.lines()).isEqualTo(LINES);
        assertThat(roomy.range(file)).isSameAs(whole);
        assertThat(roomy.map(file)).as("its map too, for when it leaves the cache").isNotNull();
    }

    @Test
    void a_small_file_has_no_line_map() throws IOException {
        Files.writeString(file, "{\"stamp\":\"" + stamp(0).digits() + "\"}\n");

        views(entries(0, 1)).holding(0, range);

        assertThat(cache.map(file)).isNull();
        assertThat(cache.range(file)).as("kept whole instead").isNotNull();
    }
}
