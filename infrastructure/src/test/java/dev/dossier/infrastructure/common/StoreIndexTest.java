package dev.dossier.infrastructure.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Adding many entries at once behaves like adding them one by one. */
class StoreIndexTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1");

    private static IndexEntry entry(long position, long version) {
        return new IndexEntry(position, new EventStamp(1_780_000_000_000L + position, 0), ORDER, version,
                EventType.of("Placed"), 1, UUID.randomUUID(), 100);
    }

    @Test
    void adding_many_stops_before_the_first_position_already_known_and_says_how_many_it_added() {
        var index = new StoreIndex();
        assertThat(index.addAll(List.of(entry(1, 1), entry(2, 2)))).isEqualTo(2);

        assertThat(index.addAll(List.of(entry(3, 3), entry(2, 2), entry(4, 4)))).isEqualTo(1);
        assertThat(index.lastPosition()).isEqualTo(3);
    }

    @Test
    void adding_many_refuses_a_gap_naming_the_entry_and_keeps_those_before_it() {
        var index = new StoreIndex();

        assertThatThrownBy(() -> index.addAll(List.of(entry(1, 1), entry(3, 2))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("entry at position 3: position 3 follows 1");
        assertThat(index.lastPosition()).isEqualTo(1);
        assertThatThrownBy(() -> index.addAll(List.of(entry(2, 5))))
                .hasMessage("entry at position 2: version 5 of " + ORDER + " follows 1");
        assertThat(index.lastPosition()).isEqualTo(1);
        assertThat(index.stream(ORDER, 1)).hasSize(1);
    }
}
