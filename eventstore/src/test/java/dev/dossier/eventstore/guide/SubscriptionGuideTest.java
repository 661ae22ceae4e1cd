package dev.dossier.eventstore.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.application.projection.Projections;
import dev.dossier.application.projection.RunningProjection;
import dev.dossier.application.subscription.EventFilter;
import dev.dossier.application.subscription.OnParked;
import dev.dossier.application.subscription.RetryPolicy;
import dev.dossier.application.subscription.Subscriber;
import dev.dossier.application.subscription.Subscription;
import dev.dossier.application.subscription.SubscriptionOptions;
import dev.dossier.application.subscription.Subscriptions;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.Dossier;
import dev.dossier.eventstore.demo.OrderDemo;
import dev.dossier.eventstore.demo.OrderEvents;
import dev.dossier.eventstore.demo.OrderSummary;
import dev.dossier.eventstore.demo.OrderSummaryProjection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete example of docs/guide-subscriptions.md; it compiles and runs with the build. */
class SubscriptionGuideTest {
    @TempDir
    Path dir;

    // --- guide: mailer ---
    /** Sends a confirmation for each placed order; remembers what it sent so a redelivery sends nothing. */
    static final class ConfirmationMailer implements Subscriber {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public void handle(RecordedEvent event) {
            String order = event.stream().id().value();
            if (!sent.contains(order)) {
                sent.add(order);
            }
        }

        @Override
        public void caughtUp(long position) {
            System.out.println("mailer is live after position " + position);
        }
    }
    // --- end ---

    @Test
    void the_guide_example_runs() throws Exception {
        // --- guide: wiring ---
        Dossier dossier = OrderDemo.configure(Dossier.builder().path(dir.resolve("shop")));
        try (EventStorePort store = dossier.open();
             Subscriptions subscriptions = dossier.subscriptions(store);
             Projections projections = new Projections(subscriptions, dossier.readModels())) {

            var mailer = new ConfirmationMailer();
            Subscription mailing = subscriptions.subscribe(SubscriberName.of("confirmation-mailer"), mailer,
                    SubscriptionOptions.defaults()
                            .filter(EventFilter.eventTypes("OrderPlaced"))
                            .retry(new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10), 2.0))
                            .onParked(OnParked.CONTINUE));
            RunningProjection summaries = projections.start(new OrderSummaryProjection());

            StreamId order = StreamId.of("order", "o-1001");
            store.append(order, ExpectedVersion.noStream(),
                    NewEvent.of("OrderPlaced", new OrderEvents.OrderPlaced("ada", "EUR")));
            store.append(order, ExpectedVersion.exactly(1),
                    NewEvent.of("ItemAdded", new OrderEvents.ItemAdded("book", 2, 1250)));
            // --- end ---
            assertThat(mailing.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
            until(() -> mailer.sent.contains("o-1001"));
            until(() -> summaries.readModel().find("o-1001", OrderSummary.class)
                    .map(s -> s.totalCents() == 2500).orElse(false));

            // --- guide: queries ---
            Optional<OrderSummary> summary = summaries.readModel().find("o-1001", OrderSummary.class);
            long lag = summaries.status().lag();
            int parkedForMailer = subscriptions.parked(Optional.of(SubscriberName.of("confirmation-mailer"))).size();
            // --- end ---
            assertThat(summary.orElseThrow().items()).isEqualTo(2);
            assertThat(lag).isGreaterThanOrEqualTo(0);
            assertThat(parkedForMailer).isZero();

            // --- guide: rebuild ---
            int generation = summaries.rebuild().get(1, TimeUnit.MINUTES);
            // --- end ---
            assertThat(generation).isEqualTo(2);
            assertThat(summaries.readModel().find("o-1001", OrderSummary.class)).isEqualTo(summary);
        }
    }

    private static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            LockSupport.parkNanos(2_000_000);
        }
    }
}
