package dev.dossier.eventstore.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.application.subscription.OnParked;
import dev.dossier.application.subscription.RetryPolicy;
import dev.dossier.application.subscription.Subscription;
import dev.dossier.application.subscription.SubscriptionOptions;
import dev.dossier.application.subscription.SubscriptionState;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.SubscriberName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing handler: retries with backoff, then the event is parked, then it can be replayed. */
class FailureHandlingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final SubscriberName BILLING = SubscriberName.of("billing");
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 2.0);

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
    void the_backoff_grows_by_the_multiplier_and_is_capped() {
        var policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500), 2.0);

        assertThat(java.util.stream.IntStream.rangeClosed(2, 6).mapToObj(policy::backoffBefore).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 500L, 500L);
    }

    @Test
    void a_handler_that_fails_a_few_times_is_retried_until_it_succeeds_and_nothing_is_parked() throws Exception {
        world.appendMany(3);
        var calls = new AtomicInteger();
        var received = new Received(e -> e.position().value() == 2 && calls.incrementAndGet() < 3);
        world.subscriptions.subscribe(BILLING, received, SubscriptionOptions.defaults().retry(FAST));

        assertThat(received.awaitCount(3, WAIT)).extracting(e -> e.position().value()).containsExactly(1L, 2L, 3L);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(world.subscriptions.parked(Optional.empty())).isEmpty();
    }

    @Test
    void an_event_that_keeps_failing_is_parked_the_subscription_goes_on_and_a_replay_delivers_it_again()
            throws Exception {
        world.appendMany(5);
        var broken = new AtomicBoolean(true);
        var received = new Received(e -> broken.get() && e.position().value() == 3);
        Subscription subscription = world.subscriptions.subscribe(BILLING, received,
                SubscriptionOptions.defaults().retry(FAST));

        assertThat(received.awaitCount(4, WAIT)).extracting(e -> e.position().value()).containsExactly(1L, 2L, 4L, 5L);
        Await.until("the event is parked", WAIT, () -> !world.subscriptions.parked(Optional.of(BILLING)).isEmpty());
        ParkedEvent parked = world.subscriptions.parked(Optional.of(BILLING)).get(0);
        assertThat(parked.position()).isEqualTo(GlobalPosition.of(3));
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(parked.error()).contains("IllegalStateException", "cannot handle");
        assertThat(subscription.status().parked()).isEqualTo(1);
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(subscription.status().state()).isEqualTo(SubscriptionState.LIVE);

        broken.set(false);
        assertThat(world.subscriptions.replayParked(BILLING, Optional.empty())).isEqualTo(1);

        assertThat(received.awaitCount(5, WAIT).get(4).position()).isEqualTo(GlobalPosition.of(3));
        Await.until("the replayed event leaves the parked area", WAIT,
                () -> world.subscriptions.parked(Optional.of(BILLING)).isEmpty());
    }

    @Test
    void a_replay_that_fails_again_parks_the_event_again_with_the_attempts_added_up() throws Exception {
        world.appendMany(2);
        var received = new Received(e -> e.position().value() == 1);
        Subscription subscription = world.subscriptions.subscribe(BILLING, received,
                SubscriptionOptions.defaults().retry(FAST));
        received.awaitCount(1, WAIT);
        Await.until("the event is parked", WAIT, () -> subscription.status().parked() == 1);

        subscription.replayParked(Optional.of(GlobalPosition.of(1)));

        Await.until("the event is parked again", WAIT, () -> world.subscriptions.parked(Optional.of(BILLING))
                .stream().anyMatch(p -> p.attempts() == 6 && !p.replayRequested()));
    }

    @Test
    void with_stop_on_parked_the_subscription_fails_and_keeps_its_checkpoint_before_the_event() throws Exception {
        world.appendMany(5);
        var received = new Received(e -> e.position().value() == 3);
        Subscription subscription = world.subscriptions.subscribe(BILLING, received,
                SubscriptionOptions.defaults().retry(FAST).onParked(OnParked.STOP));

        assertThat(subscription.awaitStopped(WAIT)).isTrue();
        assertThat(subscription.status().state()).isEqualTo(SubscriptionState.FAILED);
        assertThat(subscription.status().position()).isEqualTo(2);
        assertThat(subscription.status().lastError()).hasValueSatisfying(e -> assertThat(e).contains("position 3"));
        assertThat(received.positions()).containsExactly(1L, 2L);

        var fixed = new Received();
        world.subscriptions.subscribe(BILLING, fixed, SubscriptionOptions.defaults());
        assertThat(fixed.awaitCount(3, WAIT)).extracting(e -> e.position().value()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void closing_during_a_long_backoff_stops_at_once_and_the_event_comes_again_after_a_restart() throws Exception {
        world.appendMany(2);
        var slow = new RetryPolicy(10, Duration.ofMinutes(1), Duration.ofMinutes(1), 1.0);
        var failing = new Received(e -> e.position().value() == 2);
        Subscription subscription = world.subscriptions.subscribe(BILLING, failing,
                SubscriptionOptions.defaults().retry(slow));
        failing.awaitCount(1, WAIT);
        Await.until("the first attempt failed", WAIT, () -> subscription.status().lastError().isPresent());

        long started = System.nanoTime();
        subscription.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(subscription.status().state()).isEqualTo(SubscriptionState.STOPPED);
        assertThat(world.subscriptions.parked(Optional.empty())).isEmpty();
        var healed = new Received();
        world.subscriptions.subscribe(BILLING, healed, SubscriptionOptions.defaults());
        assertThat(healed.awaitCount(1, WAIT).get(0).position()).isEqualTo(GlobalPosition.of(2));
    }
}
