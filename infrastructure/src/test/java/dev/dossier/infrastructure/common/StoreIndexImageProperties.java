package dev.dossier.infrastructure.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * An index loaded from an image of another answers every query as that index does, across chunk
 * boundaries; and an image no index could have given (numbers or stamps out of range, names twice) is
 * refused instead of loaded.
 */
class StoreIndexImageProperties {
    private static final String[] TYPES = {"order", "invoice"};
    private static final String[] EVENTS = {"Placed", "Paid", "Shipped"};

    @Property(tries = 60)
    void an_index_loaded_from_an_image_answers_as_the_index_it_was_taken_from(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 71) Integer> events,
            @ForAll @IntRange(min = 0, max = 9_000) int padding,
            @ForAll @LongRange(min = 0, max = 3) long stampStep) {
        var original = new StoreIndex();
        Map<StreamId, Long> versions = new HashMap<>();
        int count = events.size() + padding;
        for (int i = 0; i < count; i++) {
            int code = i < events.size() ? events.get(i) : i % 72;
            StreamId stream = StreamId.of(TYPES[code % 2], "a-" + (code / 2) % 6);
            long version = versions.merge(stream, 1L, Long::sum);
            original.add(new IndexEntry(i + 1, new EventStamp(1_700_000_000_000L + i * stampStep + i / 1000, i % 1000), stream,
                    version, EventType.of(EVENTS[(code / 12) % 3]), 1 + (code / 36) % 2, UUID.randomUUID(), code * 7L));
        }

        StoreIndex loaded = StoreIndex.loaded(original.image());

        assertThat(loaded.lastPosition()).isEqualTo(count);
        assertThat(loaded.from(1, Integer.MAX_VALUE)).isEqualTo(original.from(1, Integer.MAX_VALUE));
        assertThat(loaded.summary()).isEqualTo(original.summary());
        assertThat(loaded.lastStamp()).isEqualTo(original.lastStamp());
        for (StreamId stream : versions.keySet()) {
            assertThat(loaded.stream(stream, 2)).isEqualTo(original.stream(stream, 2));
            assertThat(loaded.lastOf(stream)).isEqualTo(original.lastOf(stream));
        }
        for (String type : TYPES) {
            assertThat(loaded.aggregates(AggregateType.of(type))).isEqualTo(original.aggregates(AggregateType.of(type)));
        }
        for (String event : EVENTS) {
            assertThat(loaded.ofType(EventType.of(event), 3, 5_000)).isEqualTo(original.ofType(EventType.of(event), 3, 5_000));
        }
        Instant since = Instant.ofEpochMilli(1_700_000_000_000L + count / 3);
        assertThat(loaded.between(since, since.plusMillis(count), 4_500))
                .isEqualTo(original.between(since, since.plusMillis(count), 4_500));
    }

    @Test
    void indexes_that_end_at_and_around_chunk_boundaries_load_whole() {
        for (int n : new int[] {4_095, 4_096, 4_097, 8_192}) {
            StoreIndex original = indexOf(n);

            StoreIndex loaded = StoreIndex.loaded(original.image());

            assertThat(loaded.from(1, Integer.MAX_VALUE)).as("%d entries", n).isEqualTo(original.from(1, Integer.MAX_VALUE));
            assertThat(loaded.summary()).isEqualTo(original.summary());
        }
    }

    @Test
    void an_index_loaded_with_a_partial_last_chunk_takes_appends_past_the_chunk_and_images_them_again() {
        for (int n : new int[] {4_095, 4_096, 8_000}) {
            StoreIndex original = indexOf(n + 300);
            var prefix = new StoreIndex();
            original.from(1, n).forEach(prefix::add);
            StoreIndex loaded = StoreIndex.loaded(prefix.image());
            for (IndexEntry entry : original.from(n + 1, 300)) {
                loaded.add(entry);
            }

            assertThat(loaded.from(1, Integer.MAX_VALUE)).as("%d entries and 300 more", n)
                    .isEqualTo(original.from(1, Integer.MAX_VALUE));
            assertThat(StoreIndex.loaded(loaded.image()).from(1, Integer.MAX_VALUE))
                    .isEqualTo(original.from(1, Integer.MAX_VALUE));
        }
    }

    @Test
    void appends_after_loading_continue_the_streams_and_positions_of_the_image() {
        StoreIndex original = indexOf(5);
        StoreIndex loaded = StoreIndex.loaded(original.image());
        var next = new IndexEntry(6, new EventStamp(1_800_000_000_000L, 0), StreamId.of("order", "a-1"), 3,
                EventType.of("Paid"), 1, UUID.randomUUID(), 10);

        assertThat(loaded.add(next)).isTrue();

        assertThat(loaded.versionOf(StreamId.of("order", "a-1"))).isEqualTo(3);
        assertThat(loaded.from(6, 1)).containsExactly(next);
    }

    @Test
    void an_image_with_a_stamp_out_of_range_is_refused() {
        IndexImage image = indexOf(3).image();
        ByteBuffer.wrap(image.chunks().get(0)).putLong(16, -1);

        assertThatThrownBy(() -> StoreIndex.loaded(image)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 3").hasMessageContaining("stamp");
    }

    @Test
    void an_image_naming_a_stream_it_does_not_list_is_refused() {
        IndexImage image = indexOf(3).image();
        ByteBuffer.wrap(image.chunks().get(0)).putInt(3 * 8 + 4, 7);

        assertThatThrownBy(() -> StoreIndex.loaded(image)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2").hasMessageContaining("stream number 7");
    }

    @Test
    void an_image_listing_a_stream_twice_or_never_using_one_is_refused() {
        IndexImage image = indexOf(3).image();
        var twice = new ArrayList<>(image.streams());
        twice.add(1, image.streams().get(0));
        var unused = new ArrayList<>(image.streams());
        unused.add(StreamId.of("order", "never"));

        assertThatThrownBy(() -> StoreIndex.loaded(new IndexImage(3, twice, image.types(), image.chunks())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named twice");
        assertThatThrownBy(() -> StoreIndex.loaded(new IndexImage(3, unused, image.types(), image.chunks())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not every stream");
    }

    @Test
    void an_image_whose_chunk_has_the_wrong_size_is_refused() {
        IndexImage image = indexOf(3).image();

        assertThatThrownBy(() -> new IndexImage(4, image.streams(), image.types(), image.chunks()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunk 0");
    }

    /** Entries 1..n in streams a-0 and a-1 of "order", stamps a millisecond apart. */
    private static StoreIndex indexOf(int n) {
        var index = new StoreIndex();
        for (int i = 0; i < n; i++) {
            index.add(new IndexEntry(i + 1, new EventStamp(1_700_000_000_000L + i, 0), StreamId.of("order", "a-" + i % 2),
                    i / 2 + 1, EventType.of("Placed"), 1, UUID.randomUUID(), 10));
        }
        return index;
    }
}
