package dev.dossier.eventstore.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.application.subscription.EventFilter;
import dev.dossier.application.subscription.Subscription;
import dev.dossier.application.subscription.SubscriptionOptions;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.EventStorePort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several writers commit at once (through two store objects on one directory, so group commits, the lock
 * and the index refresh all take part) while a subscriber follows with small pages: it sees every position
 * exactly once and in order. Repeated; each repetition is bounded by the waits' deadlines.
 */
class ConcurrentWritersSubscriptionTest {
    private static final int WRITERS = 4;
    private static final int PER_WRITER = 40;

    @TempDir
    Path dir;

    @RepeatedTest(12)
    void a_subscriber_following_global_order_never_skips_an_event_while_writers_commit_at_once() throws Exception {
        try (var world = new SubscriptionWorld(dir.resolve("store")); EventStorePort second = world.dossier.open()) {
            var received = new Received();
            Subscription subscription = world.subscriptions.subscribe(SubscriberName.of("auditor"), received,
                    SubscriptionOptions.defaults().batchSize(7).pollInterval(Duration.ofMillis(500)));
            assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();

            long total = writeConcurrently(world, second);

            received.awaitCount((int) total, Duration.ofSeconds(20));
            assertThat(received.positions()).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        }
    }

    @RepeatedTest(6)
    void a_subscriber_filtered_on_one_event_type_gets_every_event_of_it_while_writers_commit_at_once()
            throws Exception {
        try (var world = new SubscriptionWorld(dir.resolve("store")); EventStorePort second = world.dossier.open()) {
            var received = new Received();
            Subscription subscription = world.subscriptions.subscribe(SubscriberName.of("odd"), received,
                    SubscriptionOptions.defaults().batchSize(5).filter(EventFilter.eventTypes("WroteOdd"))
                            .pollInterval(Duration.ofMillis(500)));
            assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();

            long total = writeConcurrently(world, second);

            List<Long> expected = world.store.readByEventType(EventType.of("WroteOdd"), GlobalPosition.FIRST, 10_000)
                    .stream().map(e -> e.position().value()).toList();
            assertThat(expected).hasSize(WRITERS / 2 * PER_WRITER);
            received.awaitCount(expected.size(), Duration.ofSeconds(20));
            assertThat(received.positions()).containsExactlyElementsOf(expected);
            Await.until("the checkpoint reaches the last event", Duration.ofSeconds(10),
                    () -> subscription.status().position() == total);
        }
    }

    /** Writes {@value #PER_WRITER} events from each of {@value #WRITERS} threads at once; returns the total. */
    private static long writeConcurrently(SubscriptionWorld world, EventStorePort second) {
        var start = new CountDownLatch(1);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            EventStorePort via = w % 2 == 0 ? world.store : second;
            StreamId stream = StreamId.of("writer", "w-" + w);
            String type = w % 2 == 0 ? "WroteEven" : "WroteOdd";
            writers.add(CompletableFuture.runAsync(() -> {
                await(start);
                for (int i = 0; i < PER_WRITER; ) {
                    int size = Math.min(1 + i % 3, PER_WRITER - i);
                    var batch = new ArrayList<NewEvent>();
                    for (int b = 0; b < size; b++, i++) {
                        batch.add(NewEvent.of(type, RawJson.of("{\"i\":" + i + "}")));
                    }
                    via.append(stream, ExpectedVersion.any(), batch);
                }
            }));
        }
        start.countDown();
        writers.forEach(CompletableFuture::join);

        long total = world.store.lastPosition();
        assertThat(total).isEqualTo((long) WRITERS * PER_WRITER);
        return total;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
