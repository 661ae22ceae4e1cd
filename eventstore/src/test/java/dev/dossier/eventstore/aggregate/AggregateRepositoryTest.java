package dev.dossier.eventstore.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.application.aggregate.Aggregate;
import dev.dossier.application.aggregate.AggregateDefinition;
import dev.dossier.application.aggregate.ConflictRetry;
import dev.dossier.application.aggregate.SnapshotPolicy;
import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.Version;
import dev.dossier.eventstore.demo.OrderEvents.ItemAdded;
import dev.dossier.eventstore.demo.OrderEvents.OrderPlaced;
import dev.dossier.eventstore.demo.OrderEvents.OrderShipped;
import dev.dossier.eventstore.demo.OrderState;
import dev.dossier.eventstore.demo.Orders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AggregateRepositoryTest {
    private static final AggregateDefinition<OrderState> EVERY_3 = Orders.DEFINITION
            .withSnapshots(SnapshotPolicy.every(3, OrderState.class, 1));
    private final OrderWorld world = new OrderWorld();

    private Aggregate<OrderState> placedWithItems(AggregateDefinition<OrderState> definition, String id, int items) {
        var order = world.repository.load(definition, id).apply(new OrderPlaced("ada", "EUR"));
        for (int i = 1; i <= items; i++) {
            order.apply(new ItemAdded("sku-" + i, 1, 100));
        }
        world.repository.save(order);
        return order;
    }

    @Test
    void a_new_aggregate_loads_at_version_0_with_the_initial_state_and_does_not_exist() {
        var order = world.repository.load(Orders.DEFINITION, "o-1");

        assertThat(order.version()).isEqualTo(Version.NONE);
        assertThat(order.isNew()).isTrue();
        assertThat(order.state()).isEqualTo(OrderState.NONE);
        assertThat(world.repository.exists(Orders.DEFINITION, "o-1")).isFalse();
    }

    @Test
    void applying_an_event_moves_the_state_and_the_version_and_keeps_it_uncommitted() {
        var order = world.repository.load(Orders.DEFINITION, "o-1").apply(new OrderPlaced("ada", "EUR"));

        assertThat(order.state().status()).isEqualTo("OPEN");
        assertThat(order.version()).isEqualTo(Version.of(1));
        assertThat(order.loadedVersion()).isEqualTo(Version.NONE);
        assertThat(order.uncommitted()).containsExactly(new OrderPlaced("ada", "EUR"));
    }

    @Test
    void a_saved_aggregate_exists_and_loads_back_with_the_same_state_and_version() {
        var saved = placedWithItems(Orders.DEFINITION, "o-1", 2);

        var loaded = world.repository.load(Orders.DEFINITION, "o-1");
        assertThat(world.repository.exists(Orders.DEFINITION, "o-1")).isTrue();
        assertThat(loaded.state()).isEqualTo(saved.state());
        assertThat(loaded.version()).isEqualTo(Version.of(3));
        assertThat(saved.uncommitted()).isEmpty();
        assertThat(saved.loadedVersion()).isEqualTo(Version.of(3));
    }

    @Test
    void a_stale_save_raises_a_conflict_and_writes_nothing() {
        placedWithItems(Orders.DEFINITION, "o-1", 0);
        var first = world.repository.load(Orders.DEFINITION, "o-1");
        var second = world.repository.load(Orders.DEFINITION, "o-1");
        world.repository.save(first.apply(new ItemAdded("a", 1, 1)));

        assertThatThrownBy(() -> world.repository.save(second.apply(new ItemAdded("b", 1, 1))))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.actual()).isEqualTo(Version.of(2));
                    assertThat(e.isRetryable()).isTrue();
                });
        assertThat(world.store.currentVersion(Orders.DEFINITION.streamOf("o-1"))).isEqualTo(Version.of(2));
    }

    @Test
    void the_retry_helper_reloads_and_reruns_the_unit_of_work_after_a_conflict() {
        placedWithItems(Orders.DEFINITION, "o-1", 0);
        var attempts = new AtomicInteger();

        var recorded = ConflictRetry.upTo(3).run(() -> {
            var order = world.repository.load(Orders.DEFINITION, "o-1");
            if (attempts.incrementAndGet() == 1) {
                placedWithItemsConcurrently();
            }
            return world.repository.save(order.apply(new ItemAdded("mine", 1, 1)));
        });

        assertThat(attempts).hasValue(2);
        assertThat(recorded).singleElement().satisfies(e -> assertThat(e.version()).isEqualTo(Version.of(3)));
    }

    private void placedWithItemsConcurrently() {
        var other = world.repository.load(Orders.DEFINITION, "o-1");
        world.repository.save(other.apply(new ItemAdded("theirs", 1, 1)));
    }

    @Test
    void the_retry_helper_gives_up_after_its_attempts_with_the_last_conflict() {
        placedWithItems(Orders.DEFINITION, "o-1", 0);

        assertThatThrownBy(() -> ConflictRetry.upTo(2).run(() -> {
            var order = world.repository.load(Orders.DEFINITION, "o-1");
            placedWithItemsConcurrently();
            return world.repository.save(order.apply(new ItemAdded("mine", 1, 1)));
        })).isInstanceOf(ConcurrencyConflictException.class);
    }

    @Test
    void an_event_of_an_unregistered_class_is_refused_on_save() {
        var order = world.repository.load(Orders.DEFINITION, "o-1").apply("not an event class");

        assertThatThrownBy(() -> world.repository.save(order)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("java.lang.String is not registered");
    }

    @Test
    void a_snapshot_is_taken_when_a_save_crosses_the_interval_and_loading_starts_from_it() {
        placedWithItems(EVERY_3, "o-1", 3);

        Snapshot snapshot = world.snapshots.load(EVERY_3.streamOf("o-1"), OrderState.class, 1).orElseThrow();
        assertThat(snapshot.version()).isEqualTo(Version.of(4));
        var order = world.repository.load(EVERY_3, "o-1");
        world.repository.save(order.apply(new ItemAdded("late", 2, 50)));

        var reloaded = world.repository.load(EVERY_3, "o-1");
        assertThat(reloaded.state().lines()).containsExactly("1 x sku-1", "1 x sku-2", "1 x sku-3", "2 x late");
        assertThat(reloaded.version()).isEqualTo(Version.of(5));
    }

    @Test
    void a_load_that_replays_a_whole_interval_takes_a_snapshot_so_deleted_snapshots_come_back() {
        placedWithItems(EVERY_3, "o-1", 5);
        world.snapshots.deleteAll();

        world.repository.load(EVERY_3, "o-1");

        assertThat(world.snapshots.load(EVERY_3.streamOf("o-1"), OrderState.class, 1).orElseThrow().version())
                .isEqualTo(Version.of(6));
    }

    @Test
    void a_snapshot_of_an_outdated_schema_is_ignored_and_the_aggregate_rebuilt_from_events() {
        placedWithItems(EVERY_3, "o-1", 3);
        var newer = Orders.DEFINITION.withSnapshots(SnapshotPolicy.every(3, OrderState.class, 2));

        assertThat(world.repository.load(newer, "o-1").state().lines()).hasSize(3);
        assertThat(world.snapshots.load(newer.streamOf("o-1"), OrderState.class, 2)).isPresent();
    }

    @Test
    void a_snapshot_that_does_not_belong_to_the_stream_history_is_never_used() {
        placedWithItems(EVERY_3, "o-1", 1);
        var forged = new OrderState("mallory", List.of("999 x gold"), 1, "OPEN");
        world.snapshots.save(new Snapshot(EVERY_3.streamOf("o-1"), Version.of(2), UUID.randomUUID(), 1,
                Instant.now(), forged));

        assertThat(world.repository.load(EVERY_3, "o-1").state().customer()).isEqualTo("ada");
    }

    @Test
    void a_snapshot_past_the_end_of_the_stream_is_never_used() {
        placedWithItems(EVERY_3, "o-1", 1);
        world.snapshots.save(new Snapshot(EVERY_3.streamOf("o-1"), Version.of(9), UUID.randomUUID(), 1,
                Instant.now(), new OrderState("mallory", List.of(), 1, "OPEN")));

        assertThat(world.repository.load(EVERY_3, "o-1").version()).isEqualTo(Version.of(2));
    }

    @Test
    void time_travel_loads_the_state_as_it_was_at_a_version_or_an_instant() {
        placedWithItems(EVERY_3, "o-1", 3);
        Instant beforeShipping = world.clock.instant();
        world.clock.advance(Duration.ofHours(1));
        var order = world.repository.load(EVERY_3, "o-1");
        world.repository.save(order.apply(new OrderShipped("dhl", "JD1")));

        assertThat(world.repository.stateAt(EVERY_3, "o-1", Version.of(2)).state().lines()).containsExactly("1 x sku-1");
        assertThat(world.repository.stateAt(EVERY_3, "o-1", Version.of(5)).state().status()).isEqualTo("SHIPPED");
        var asOf = world.repository.stateAsOf(EVERY_3, "o-1", beforeShipping);
        assertThat(asOf.version()).isEqualTo(Version.of(4));
        assertThat(asOf.state().status()).isEqualTo("OPEN");
        assertThat(world.repository.stateAsOf(EVERY_3, "o-1", beforeShipping.minusSeconds(1)).version())
                .isEqualTo(Version.NONE);
    }
}
