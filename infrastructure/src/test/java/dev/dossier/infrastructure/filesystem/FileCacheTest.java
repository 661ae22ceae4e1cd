package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read cache keeps files up to its budget, least recently used first out. */
class FileCacheTest {
    private static final Path A = Path.of("a");
    private static final Path B = Path.of("b");
    private static final Path C = Path.of("c");
    private static final Path D = Path.of("d");

    @Test
    void files_are_kept_until_the_budget_is_used_and_the_least_recently_used_goes_first() {
        var cache = new FileCache(100);
        cache.put(A, new byte[25]);
        cache.put(B, new byte[25]);
        cache.get(A);
        cache.put(C, new byte[25]);
        cache.put(Path.of("d"), new byte[25]);
        assertThat(cache.get(B)).hasSize(25);

        cache.put(Path.of("e"), new byte[20]);

        assertThat(cache.get(A)).as("least recently used").isNull();
        assertThat(cache.get(B)).hasSize(25);
        assertThat(cache.get(C)).hasSize(25);
    }

    @Test
    void a_file_larger_than_a_quarter_of_the_budget_is_not_kept() {
        var cache = new FileCache(100);
        cache.put(A, new byte[26]);
        cache.put(B, new byte[25]);
        assertThat(cache.get(A)).isNull();
        assertThat(cache.get(B)).hasSize(25);
    }

    @Test
    void a_forgotten_file_is_read_again_and_frees_its_share_of_the_budget() {
        var cache = new FileCache(100);
        cache.put(A, new byte[25]);
        cache.put(B, new byte[25]);
        cache.forget(A);
        cache.put(C, new byte[25]);
        cache.put(Path.of("d"), new byte[25]);
        assertThat(cache.get(A)).isNull();
        assertThat(cache.get(B)).as("still within the budget").hasSize(25);
    }

    @Test
    void a_cache_without_a_budget_keeps_nothing() {
        var cache = new FileCache(-1);
        cache.put(A, new byte[1]);
        assertThat(cache.get(A)).isNull();
    }

    @Test
    void a_range_file_is_kept_with_its_lines_found_and_counts_for_its_bytes_and_lines() {
        byte[] content = "{\"stamp\":\"20261123130902123002\",\"x\":1}\n".repeat(5)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var range = new RangeFile(A, "a", content);
        var roomy = new FileCache(4 * range.footprint());
        roomy.put(A, range);
        assertThat(roomy.range(A)).isSameAs(range);
        assertThat(roomy.get(A)).as("not the bytes of an event file").isNull();
        assertThat(range.footprint()).isGreaterThan(content.length);

        var tight = new FileCache(4 * range.footprint() - 4);
        tight.put(A, range);
        assertThat(tight.range(A)).as("more than a quarter of the budget").isNull();
    }

    @Test
    void line_maps_take_at_most_a_quarter_of_the_budget_besides_the_files_and_go_with_their_file() {
        var cache = new FileCache(1600);
        var map = new RangeMap(1, new int[17]);
        assertThat(map.footprint()).as("a sixteenth of the budget").isEqualTo(100);
        cache.put(A, new byte[400]);
        for (Path file : List.of(A, B, C, D)) {
            cache.put(file, map);
        }
        assertThat(cache.map(A)).isSameAs(map);
        assertThat(cache.get(A)).as("the file's bytes are kept beside its map").hasSize(400);

        cache.put(Path.of("e"), map);
        assertThat(cache.map(B)).as("least recently used, past a quarter of the budget").isNull();
        assertThat(cache.map(A)).isSameAs(map);

        cache.forget(C);
        assertThat(cache.map(C)).isNull();
        assertThat(cache.map(D)).isSameAs(map);
        assertThat(new FileCache(-1).map(D)).isNull();
    }

    @Test
    void a_line_map_larger_than_a_sixteenth_of_the_budget_is_not_kept() {
        var cache = new FileCache(1600);
        cache.put(A, new RangeMap(1, new int[18]));
        assertThat(cache.map(A)).isNull();
    }
}
