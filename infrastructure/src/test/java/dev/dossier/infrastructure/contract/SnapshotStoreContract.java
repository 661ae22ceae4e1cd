package dev.dossier.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.EventSerializationException;
import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.SnapshotStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link SnapshotStore}, written once and run against every adapter. */
public abstract class SnapshotStoreContract {
    protected static final StreamId ORDER = StreamId.of("order", "o-1");
    private static final StreamId OTHER = StreamId.of("order", "o-2");
    private static final Instant TAKEN = Instant.parse("2026-11-23T10:00:00Z");

    /** A sample state. */
    public record Basket(String customer, List<String> lines, long totalCents) {
    }

    private SnapshotStoreFixture fixture;
    protected SnapshotStore store;

    protected abstract SnapshotStoreFixture fixture();

    @BeforeEach
    void create() {
        fixture = fixture();
        store = fixture.createSnapshots();
    }

    @AfterEach
    void discard() {
        fixture.discard();
    }

    protected static Snapshot snapshot(StreamId stream, long version, int schema, Object state) {
        return new Snapshot(stream, Version.of(version), UUID.nameUUIDFromBytes(("e" + version).getBytes()),
                schema, TAKEN, state);
    }

    private static Basket basket(long total) {
        return new Basket("ada", List.of("2 x book", "1 x pen"), total);
    }

    @Test
    void an_aggregate_without_a_snapshot_has_none() {
        assertThat(store.load(ORDER, Basket.class, 1)).isEmpty();
    }

    @Test
    void a_saved_snapshot_loads_with_its_version_event_id_schema_time_and_state() {
        Snapshot saved = snapshot(ORDER, 40, 1, basket(2699));
        store.save(saved);

        assertThat(store.load(ORDER, Basket.class, 1)).contains(saved);
    }

    @Test
    void a_newer_snapshot_replaces_the_older_one() {
        store.save(snapshot(ORDER, 10, 1, basket(100)));
        store.save(snapshot(ORDER, 20, 1, basket(200)));

        Snapshot loaded = store.load(ORDER, Basket.class, 1).orElseThrow();
        assertThat(loaded.version()).isEqualTo(Version.of(20));
        assertThat(loaded.stateAs(Basket.class).totalCents()).isEqualTo(200);
    }

    @Test
    void snapshots_of_different_aggregates_are_kept_apart() {
        store.save(snapshot(ORDER, 10, 1, basket(100)));
        store.save(snapshot(OTHER, 3, 1, basket(7)));

        assertThat(store.load(ORDER, Basket.class, 1).orElseThrow().version()).isEqualTo(Version.of(10));
        assertThat(store.load(OTHER, Basket.class, 1).orElseThrow().version()).isEqualTo(Version.of(3));
    }

    @Test
    void a_snapshot_of_another_schema_version_is_ignored() {
        store.save(snapshot(ORDER, 10, 1, basket(100)));

        assertThat(store.load(ORDER, Basket.class, 2)).isEmpty();
    }

    @Test
    void a_snapshot_whose_state_does_not_fit_the_declared_class_is_ignored() {
        store.save(snapshot(ORDER, 10, 1, "just a string"));

        assertThat(store.load(ORDER, Basket.class, 1)).isEmpty();
    }

    @Test
    void a_state_that_cannot_be_serialized_is_refused_and_the_old_snapshot_stays() {
        store.save(snapshot(ORDER, 10, 1, basket(100)));

        assertThatThrownBy(() -> store.save(snapshot(ORDER, 11, 1, new Object() {
            public Object getSelf() {
                throw new IllegalStateException("no");
            }
        }))).isInstanceOf(EventSerializationException.class);
        assertThat(store.load(ORDER, Basket.class, 1).orElseThrow().version()).isEqualTo(Version.of(10));
    }

    @Test
    void a_deleted_snapshot_is_gone_and_deleting_a_missing_one_is_harmless() {
        store.save(snapshot(ORDER, 10, 1, basket(100)));
        store.delete(ORDER);
        store.delete(ORDER);

        assertThat(store.load(ORDER, Basket.class, 1)).isEmpty();
    }

    @Test
    void deleting_all_snapshots_empties_the_store_and_later_saves_work_again() {
        store.save(snapshot(ORDER, 10, 1, basket(100)));
        store.save(snapshot(OTHER, 3, 1, basket(7)));
        store.deleteAll();

        assertThat(store.load(ORDER, Basket.class, 1)).isEmpty();
        assertThat(store.load(OTHER, Basket.class, 1)).isEmpty();
        store.save(snapshot(ORDER, 12, 1, basket(1)));
        assertThat(store.load(ORDER, Basket.class, 1)).isPresent();
    }

    @Test
    void snapshots_survive_a_restart() {
        Snapshot saved = snapshot(ORDER, 40, 3, basket(2699));
        store.save(saved);

        store = fixture.reopen(store);

        assertThat(store.load(ORDER, Basket.class, 3)).contains(saved);
    }

    @Test
    void names_with_any_characters_are_kept_apart() {
        StreamId upper = StreamId.of("Order", "O/1");
        StreamId lower = StreamId.of("order", "o/1");
        store.save(snapshot(upper, 1, 1, basket(1)));
        store.save(snapshot(lower, 2, 1, basket(2)));

        assertThat(store.load(upper, Basket.class, 1).orElseThrow().version()).isEqualTo(Version.of(1));
        assertThat(store.load(lower, Basket.class, 1).orElseThrow().version()).isEqualTo(Version.of(2));
    }
}
