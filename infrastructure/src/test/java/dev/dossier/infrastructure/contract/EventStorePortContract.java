package dev.dossier.infrastructure.contract;

import static dev.dossier.infrastructure.contract.TestEvents.deposited;
import static dev.dossier.infrastructure.contract.TestEvents.deposits;
import static dev.dossier.infrastructure.contract.TestEvents.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.error.StoreUnavailableException;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StoreHealth;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.EventStorePort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventStorePort}, written once. Every adapter runs it through a subclass that
 * supplies a {@link StoreFixture}.
 */
public abstract class EventStorePortContract {
    private static final StreamId ACCOUNT = StreamId.of("account", "acc-1");
    private static final StreamId OTHER = StreamId.of("account", "acc-2");

    protected final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:00Z"));
    private StoreFixture fixture;
    protected EventStorePort store;

    protected abstract StoreFixture fixture();

    @BeforeEach
    void openStore() {
        fixture = fixture();
        store = fixture.create(TestEvents.registry(), clock);
    }

    @AfterEach
    void discardStore() {
        fixture.discard(store);
    }

    protected EventStorePort reopen() {
        store = fixture.reopen(store, TestEvents.registry(), clock);
        return store;
    }

    @Test
    void the_first_append_to_a_new_stream_records_version_1_at_position_1() {
        var result = store.append(ACCOUNT, ExpectedVersion.noStream(), deposited(100));

        assertThat(result.newVersion()).isEqualTo(Version.of(1));
        RecordedEvent event = result.events().get(0);
        assertThat(event.position()).isEqualTo(GlobalPosition.FIRST);
        assertThat(event.stream()).isEqualTo(ACCOUNT);
        assertThat(event.previousEventId()).isEmpty();
        assertThat(event.timestamp()).isEqualTo(clock.instant());
        assertThat(event.payload()).isEqualTo(new TestEvents.Deposited("acc-1", 100));
    }

    @Test
    void a_batch_gets_consecutive_versions_and_positions_and_chains_previous_event_ids() {
        store.append(OTHER, ExpectedVersion.any(), deposited(1));
        var result = store.append(ACCOUNT, ExpectedVersion.noStream(), deposits(3));

        assertThat(result.events()).extracting(e -> e.version().value()).containsExactly(1L, 2L, 3L);
        assertThat(result.events()).extracting(e -> e.position().value()).containsExactly(2L, 3L, 4L);
        assertThat(result.events().get(1).previousEventId()).contains(result.events().get(0).eventId());
        assertThat(store.readStream(ACCOUNT)).isEqualTo(result.events());
    }

    @Test
    void appends_are_rejected_when_the_expected_version_is_stale() {
        store.append(ACCOUNT, ExpectedVersion.noStream(), deposits(2));

        assertThatThrownBy(() -> store.append(ACCOUNT, ExpectedVersion.exactly(1), deposited(3)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.stream()).isEqualTo(ACCOUNT);
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(1));
                    assertThat(e.actual()).isEqualTo(Version.of(2));
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.getMessage()).contains("account/acc-1", "version 1", "2");
                });
        assertThat(store.currentVersion(ACCOUNT)).isEqualTo(Version.of(2));
        assertThat(store.countEvents()).isEqualTo(2);
    }

    @Test
    void no_stream_is_rejected_for_an_existing_stream_and_any_always_appends() {
        store.append(ACCOUNT, ExpectedVersion.any(), deposited(1));

        assertThatThrownBy(() -> store.append(ACCOUNT, ExpectedVersion.noStream(), deposited(2)))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.append(ACCOUNT, ExpectedVersion.any(), deposited(2)).newVersion()).isEqualTo(Version.of(2));
        assertThat(store.append(ACCOUNT, ExpectedVersion.exactly(2), deposited(3)).newVersion())
                .isEqualTo(Version.of(3));
    }

    @Test
    void a_rejected_batch_leaves_nothing_behind() {
        store.append(ACCOUNT, ExpectedVersion.any(), deposited(1));

        assertThatThrownBy(() -> store.append(ACCOUNT, ExpectedVersion.exactly(5), deposits(4)))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThatThrownBy(() -> store.append(ACCOUNT, ExpectedVersion.any(),
                List.of(deposited(1), raw("Broken", "{not json"))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store.countEvents()).isEqualTo(1);
        assertThat(reopen().readStream(ACCOUNT)).hasSize(1);
    }

    @Test
    void a_missing_stream_reads_as_empty_at_version_zero() {
        assertThat(store.readStream(ACCOUNT)).isEmpty();
        assertThat(store.currentVersion(ACCOUNT)).isEqualTo(Version.NONE);
        assertThat(store.exists(ACCOUNT)).isFalse();
        assertThat(store.aggregates(AggregateType.of("account"))).isEmpty();
    }

    @Test
    void a_stream_can_be_read_from_a_version() {
        store.append(ACCOUNT, ExpectedVersion.noStream(), deposits(5));

        assertThat(store.readStream(ACCOUNT, Version.of(4))).extracting(e -> e.version().value())
                .containsExactly(4L, 5L);
        assertThat(store.readStream(ACCOUNT, Version.of(9))).isEmpty();
    }

    @Test
    void reading_all_events_in_pages_returns_each_event_once_in_position_order() {
        for (int i = 0; i < 7; i++) {
            store.append(i % 2 == 0 ? ACCOUNT : OTHER, ExpectedVersion.any(), deposits(i % 3 + 1));
        }
        var seen = new ArrayList<Long>();
        GlobalPosition from = GlobalPosition.FIRST;
        for (List<RecordedEvent> page; !(page = store.readAll(from, 4)).isEmpty(); ) {
            page.forEach(e -> seen.add(e.position().value()));
            from = page.get(page.size() - 1).position().next();
        }

        assertThat(seen).hasSize((int) store.countEvents()).isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo(1L);
        assertThat(store.lastPosition()).isEqualTo(seen.get(seen.size() - 1));
    }

    @Test
    void events_can_be_read_by_type() {
        store.append(ACCOUNT, ExpectedVersion.any(), deposited(1));
        store.append(ACCOUNT, ExpectedVersion.any(), NewEvent.of("Withdrawn",
                new TestEvents.Withdrawn("acc-1", 1, "fee")));
        store.append(OTHER, ExpectedVersion.any(), deposited(2));

        var deposits = store.readByEventType(EventType.of("Deposited"), GlobalPosition.FIRST, 10);
        assertThat(deposits).extracting(e -> e.position().value()).containsExactly(1L, 3L);
        assertThat(store.readByEventType(EventType.of("Deposited"), GlobalPosition.of(2), 10)).hasSize(1);
        assertThat(store.readByEventType(EventType.of("Nothing"), GlobalPosition.FIRST, 10)).isEmpty();
    }

    @Test
    void events_can_be_read_by_time_range() {
        Instant start = clock.instant();
        for (int i = 0; i < 5; i++) {
            store.append(ACCOUNT, ExpectedVersion.any(), deposited(i));
            clock.advance(Duration.ofMinutes(1));
        }

        var middle = store.readByTime(start.plus(Duration.ofMinutes(1)), start.plus(Duration.ofMinutes(3)), 100);
        assertThat(middle).extracting(e -> e.version().value()).containsExactly(2L, 3L);
        assertThat(store.readByTime(start, start, 100)).isEmpty();
        assertThat(store.readByTime(start, start.plus(Duration.ofHours(1)), 2)).hasSize(2);
    }

    @Test
    void a_time_range_may_reach_from_the_distant_past_to_the_distant_future() {
        store.append(ACCOUNT, ExpectedVersion.any(), deposited(1));
        store.append(ACCOUNT, ExpectedVersion.any(), deposited(2));

        assertThat(store.readByTime(Instant.MIN, Instant.MAX, 10)).hasSize(2);
        assertThat(store.readByTime(Instant.ofEpochMilli(Long.MIN_VALUE), Instant.ofEpochMilli(Long.MAX_VALUE), 10))
                .hasSize(2);
        assertThat(store.readByTime(Instant.parse("+10000-01-01T00:00:00Z"), Instant.MAX, 10)).isEmpty();
        assertThat(store.readByTime(Instant.MIN, Instant.EPOCH, 10)).isEmpty();
    }

    @Test
    void timestamps_never_go_backwards_when_the_clock_steps_back() {
        store.append(ACCOUNT, ExpectedVersion.any(), deposited(1));
        clock.advance(Duration.ofSeconds(-30));
        store.append(ACCOUNT, ExpectedVersion.any(), deposits(3));

        var events = store.readStream(ACCOUNT);
        assertThat(events).extracting(RecordedEvent::timestamp).isSorted();
        assertThat(events.get(3).timestamp()).isEqualTo(events.get(0).timestamp());
    }

    @Test
    void unregistered_event_types_are_read_as_raw_json() {
        store.append(ACCOUNT, ExpectedVersion.any(), raw("Audited", "{\"by\":\"ann\",\"ok\":true}"));

        RecordedEvent event = store.readStream(ACCOUNT).get(0);
        assertThat(event.payload()).isInstanceOf(RawJson.class);
        assertThat(event.data().json()).isEqualTo("{\"by\":\"ann\",\"ok\":true}");
    }

    @Test
    void the_envelope_round_trips_ids_metadata_and_schema_version() {
        NewEvent event = deposited(5).toBuilder()
                .correlation("req-7").causation("cmd-3").metadata(Map.of("actor", "ann", "source", "cli"))
                .build();
        store.append(ACCOUNT, ExpectedVersion.any(), event);
        store.append(ACCOUNT, ExpectedVersion.any(), NewEvent.of("Withdrawn", new TestEvents.Withdrawn("a", 1, "x")));

        var events = reopen().readStream(ACCOUNT);
        assertThat(events.get(0).eventId()).isEqualTo(event.eventId());
        assertThat(events.get(0).correlationId()).contains("req-7");
        assertThat(events.get(0).causationId()).contains("cmd-3");
        assertThat(events.get(0).metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("actor", "ann", "source", "cli"));
        assertThat(events.get(0).schemaVersion()).isEqualTo(1);
        assertThat(events.get(1).schemaVersion()).isEqualTo(2);
        assertThat(events.get(1).correlationId()).isEqualTo(Optional.empty());
    }

    @Test
    void invalid_input_is_rejected_with_a_clear_error() {
        assertThatThrownBy(() -> store.append(ACCOUNT, ExpectedVersion.any(), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> store.append(ACCOUNT, ExpectedVersion.any(), raw("Bad", "{\"a\":1,\"a\":2}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> store.append(ACCOUNT, ExpectedVersion.any(), raw("Bad", "[1, 2")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> store.append(ACCOUNT, ExpectedVersion.any(),
                raw("Big", "\"" + "x".repeat(2 * 1024 * 1024) + "\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store.readAll(GlobalPosition.FIRST, 0)).isInstanceOf(InvalidInputException.class);
        assertThat(store.countEvents()).isZero();
    }

    @Test
    void the_store_describes_its_aggregates_and_statistics() {
        store.append(ACCOUNT, ExpectedVersion.any(), deposits(2));
        store.append(OTHER, ExpectedVersion.any(), deposited(1));
        store.append(StreamId.of("customer", "c-1"), ExpectedVersion.any(), raw("Registered", "{}"));

        assertThat(store.aggregateTypes()).extracting(t -> t.type().value(), t -> t.aggregates(), t -> t.events())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("account", 2L, 3L),
                        org.assertj.core.groups.Tuple.tuple("customer", 1L, 1L));
        assertThat(store.aggregates(AggregateType.of("account"))).extracting(a -> a.stream().id().value(), a -> a.events())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acc-1", 2L),
                        org.assertj.core.groups.Tuple.tuple("acc-2", 1L));
        var stats = store.statistics();
        assertThat(stats.events()).isEqualTo(4);
        assertThat(stats.aggregates()).isEqualTo(3);
        assertThat(stats.eventTypes()).isEqualTo(2);
        assertThat(stats.firstWrite()).contains(clock.instant());
        assertThat(store.health().status()).isEqualTo(StoreHealth.Status.UP);
    }

    @Test
    void events_survive_a_reopen_and_appends_continue_after_it() {
        var written = store.append(ACCOUNT, ExpectedVersion.any(), deposits(3)).events();

        reopen();
        assertThat(store.readStream(ACCOUNT)).isEqualTo(written);
        var next = store.append(ACCOUNT, ExpectedVersion.exactly(3), deposited(4)).events().get(0);
        assertThat(next.position()).isEqualTo(GlobalPosition.of(4));
        assertThat(next.previousEventId()).contains(written.get(2).eventId());
    }

    @Test
    void a_closed_store_refuses_calls_and_reports_closed() {
        store.close();

        assertThatThrownBy(() -> store.append(ACCOUNT, ExpectedVersion.any(), deposited(1)))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.readStream(ACCOUNT)).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.health().status()).isEqualTo(StoreHealth.Status.CLOSED);
        store.close();
    }

    @Test
    void concurrent_writers_with_the_same_expected_version_produce_one_winner_each_round() throws Exception {
        int threads = 6;
        int rounds = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var conflicts = new ConcurrentLinkedQueue<ConcurrencyConflictException>();
        try {
            for (int round = 0; round < rounds; round++) {
                long expected = round;
                var start = new CountDownLatch(1);
                var done = new CountDownLatch(threads);
                for (int t = 0; t < threads; t++) {
                    pool.execute(() -> {
                        try {
                            start.await();
                            store.append(ACCOUNT, ExpectedVersion.exactly(expected), deposited(expected));
                        } catch (ConcurrencyConflictException e) {
                            conflicts.add(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            done.countDown();
                        }
                    });
                }
                start.countDown();
                assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.currentVersion(ACCOUNT)).isEqualTo(Version.of(rounds));
        assertThat(conflicts).hasSize(rounds * (threads - 1));
        assertThat(store.readStream(ACCOUNT)).extracting(e -> e.position().value())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, rounds).boxed().toList());
    }

    @Test
    void concurrent_writers_to_different_streams_all_succeed_with_unique_positions() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                StreamId stream = StreamId.of("account", "acc-" + t);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.append(stream, ExpectedVersion.exactly(i), deposited(i));
                    }
                }));
            }
            for (var future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        var all = store.readAll(GlobalPosition.FIRST, 10_000);
        assertThat(all).hasSize(threads * perThread);
        assertThat(all).extracting(e -> e.position().value()).isSorted().doesNotHaveDuplicates();
        assertThat(all).extracting(RecordedEvent::timestamp).isSorted();
    }
}
