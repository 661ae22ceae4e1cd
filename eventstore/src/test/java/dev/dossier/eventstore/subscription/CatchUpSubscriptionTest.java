package dev.dossier.eventstore.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.application.subscription.EventFilter;
import dev.dossier.application.subscription.StartPosition;
import dev.dossier.application.subscription.Subscription;
import dev.dossier.application.subscription.SubscriptionOptions;
import dev.dossier.application.subscription.SubscriptionState;
import dev.dossier.application.subscription.Subscriptions;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.Dossier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catch-up subscriptions on a filesystem store: history, "caught up", live events, filters, restarts. */
class CatchUpSubscriptionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final SubscriberName BILLING = SubscriberName.of("billing");

    @TempDir
    Path dir;
    private SubscriptionWorld world;

    @BeforeEach
    void open() {
        world = new SubscriptionWorld(dir.resolve("store"));
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void a_subscriber_receives_the_history_then_caught_up_then_live_events_in_global_order() throws Exception {
        world.appendMany(300);
        var received = new Received();
        Subscription subscription = world.subscriptions.subscribe(BILLING, received, SubscriptionOptions.defaults());

        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(received.caughtUpAt()).containsExactly(300L);
        assertThat(received.positions()).containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());

        world.appendMany(5);
        received.awaitCount(305, WAIT);
        assertThat(received.positions()).containsExactlyElementsOf(LongStream.rangeClosed(1, 305).boxed().toList());
        assertThat(received.caughtUpAt()).hasSize(1);
    }

    @Test
    void an_event_type_filter_delivers_only_those_types_and_the_checkpoint_still_passes_the_others() throws Exception {
        world.appendMany(30);
        var received = new Received();
        Subscription subscription = world.subscriptions.subscribe(BILLING, received,
                SubscriptionOptions.defaults().filter(EventFilter.eventTypes("OrderPlaced")));

        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(received.events()).hasSize(10).allSatisfy(e -> assertThat(e.eventType().value()).isEqualTo("OrderPlaced"));
        Await.until("the checkpoint passed the last event", WAIT, () -> subscription.status().position() == 30);
        assertThat(subscription.status().lag()).isZero();
    }

    @Test
    void an_aggregate_type_filter_delivers_only_events_of_those_aggregates() throws Exception {
        world.appendMany(20);
        var received = new Received();
        world.subscriptions.subscribe(BILLING, received,
                SubscriptionOptions.defaults().filter(EventFilter.aggregateTypes("customer")));
        world.append("customer", "late", "Renamed");

        received.awaitCount(11, WAIT);
        assertThat(received.events()).allSatisfy(e -> assertThat(e.stream().type().value()).isEqualTo("customer"));
        assertThat(received.events().get(10).eventType().value()).isEqualTo("Renamed");
    }

    @Test
    void a_subscriber_starting_at_the_end_sees_only_new_events_and_one_starting_after_a_position_the_rest()
            throws Exception {
        world.appendMany(10);
        var fromEnd = new Received();
        var fromSeven = new Received();
        Subscription end = world.subscriptions.subscribe(SubscriberName.of("end"), fromEnd,
                SubscriptionOptions.defaults().start(StartPosition.end()));
        world.subscriptions.subscribe(SubscriberName.of("seven"), fromSeven,
                SubscriptionOptions.defaults().start(StartPosition.after(7)));
        assertThat(end.awaitCaughtUp(WAIT)).isTrue();

        world.append("order", "new", "OrderPlaced");

        assertThat(fromEnd.awaitCount(1, WAIT)).extracting(e -> e.position().value()).containsExactly(11L);
        assertThat(fromSeven.awaitCount(4, WAIT)).extracting(e -> e.position().value()).containsExactly(8L, 9L, 10L, 11L);
    }

    @Test
    void a_restarted_subscriber_resumes_right_after_its_checkpoint() throws Exception {
        world.appendMany(50);
        var first = new Received();
        Subscription subscription = world.subscriptions.subscribe(BILLING, first, SubscriptionOptions.defaults());
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        world.subscriptions.close();
        assertThat(subscription.status().state()).isEqualTo(SubscriptionState.STOPPED);

        world.appendMany(7);
        var second = new Received();
        try (Subscriptions restarted = world.restarted()) {
            restarted.subscribe(BILLING, second, SubscriptionOptions.defaults().start(StartPosition.end()));
            assertThat(second.awaitCount(7, WAIT)).extracting(e -> e.position().value())
                    .containsExactlyElementsOf(LongStream.rangeClosed(51, 57).boxed().toList());
        }
        assertThat(first.events()).hasSize(50);
    }

    @Test
    void a_subscription_reports_its_state_runs_on_a_named_daemon_thread_and_stops_cleanly() throws Exception {
        world.appendMany(3);
        var thread = new java.util.concurrent.atomic.AtomicReference<Thread>();
        Subscription subscription = world.subscriptions.subscribe(BILLING, e -> thread.set(Thread.currentThread()),
                SubscriptionOptions.defaults());
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();

        assertThat(subscription.status().state()).isEqualTo(SubscriptionState.LIVE);
        assertThat(thread.get().getName()).isEqualTo("dossier-store-billing");
        assertThat(thread.get().isDaemon()).isTrue();
        assertThat(world.subscriptions.statuses()).extracting(s -> s.subscriber().value()).containsExactly("billing");
        assertThatThrownBy(() -> world.subscriptions.subscribe(BILLING, e -> { }, SubscriptionOptions.defaults()))
                .isInstanceOf(InvalidInputException.class);

        subscription.close();
        assertThat(subscription.status().state()).isEqualTo(SubscriptionState.STOPPED);
        assertThat(thread.get().isAlive()).isFalse();
        assertThat(world.subscriptions.statuses()).isEmpty();
    }

    @Test
    void subscriptions_can_run_on_the_hosts_executor_over_an_in_memory_store() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        try (EventStorePort store = Dossier.builder().openInMemory();
             Subscriptions subscriptions = Dossier.builder().subscriptions(store, executor)) {
            var received = new Received();
            Subscription subscription = subscriptions.subscribe(BILLING, received, SubscriptionOptions.defaults()
                    .pollInterval(Duration.ofMinutes(1)));
            assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();

            store.append(dev.dossier.domain.model.StreamId.of("order", "o-1"),
                    dev.dossier.domain.model.ExpectedVersion.any(), dev.dossier.domain.model.NewEvent.of("OrderPlaced",
                            dev.dossier.domain.model.RawJson.of("{}")));

            assertThat(received.awaitCount(1, WAIT)).hasSize(1);
        } finally {
            executor.shutdownNow();
        }
    }
}
