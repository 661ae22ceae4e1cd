package dev.dossier.eventstore.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.application.projection.Projections;
import dev.dossier.application.projection.RunningProjection;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.domain.port.ReadModelStore;
import dev.dossier.eventstore.Dossier;
import dev.dossier.eventstore.demo.CustomerOrders;
import dev.dossier.eventstore.demo.CustomerOrdersProjection;
import dev.dossier.eventstore.demo.OrderDemo;
import dev.dossier.eventstore.demo.OrderEvents;
import dev.dossier.eventstore.demo.OrderSummary;
import dev.dossier.eventstore.demo.OrderSummaryProjection;
import dev.dossier.infrastructure.filesystem.Durability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample projections of the order domain on the file-backed read model store, and their rebuild. */
class ProjectionTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private Dossier dossier;
    private EventStorePort store;
    private ReadModelStore readModels;
    private dev.dossier.application.subscription.Subscriptions subscriptions;
    private Projections projections;

    @BeforeEach
    void open() {
        dossier = OrderDemo.configure(Dossier.builder().path(dir.resolve("store")).durability(Durability.OS_BUFFERED));
        store = dossier.open();
        readModels = dossier.readModels();
        subscriptions = dossier.subscriptions(store);
        projections = new Projections(subscriptions, readModels);
    }

    @AfterEach
    void close() {
        projections.close();
        subscriptions.close();
        store.close();
    }

    private void order(String id, String customer, int items) {
        StreamId stream = StreamId.of("order", id);
        store.append(stream, ExpectedVersion.any(), NewEvent.of("OrderPlaced", new OrderEvents.OrderPlaced(customer, "EUR")));
        for (int i = 0; i < items; i++) {
            store.append(stream, ExpectedVersion.any(), NewEvent.of("ItemAdded", new OrderEvents.ItemAdded("sku-" + i, 2, 150)));
        }
    }

    @Test
    void the_sample_projections_build_order_summaries_and_orders_per_customer_and_follow_live_events() throws Exception {
        order("o-1", "ada", 2);
        order("o-2", "ada", 1);
        RunningProjection summaries = projections.start(new OrderSummaryProjection());
        RunningProjection customers = projections.start(new CustomerOrdersProjection());
        assertThat(summaries.awaitCaughtUp(WAIT)).isTrue();
        assertThat(customers.awaitCaughtUp(WAIT)).isTrue();

        assertThat(summaries.readModel().find("o-1", OrderSummary.class).orElseThrow())
                .isEqualTo(new OrderSummary("o-1", "ada", "EUR", 4, 600, "OPEN", 3));
        assertThat(customers.readModel().find("ada", CustomerOrders.class).orElseThrow().orderIds())
                .containsExactly("o-1", "o-2");

        store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(),
                NewEvent.of("OrderShipped", new OrderEvents.OrderShipped("ups", "1Z")));
        Await.until("the summary shows the shipment", WAIT, () -> summaries.readModel().find("o-1", OrderSummary.class)
                .map(s -> s.status().equals("SHIPPED")).orElse(false));
        Await.until("the lag is zero", WAIT, () -> summaries.status().lag() == 0);
        assertThat(Files.readString(dir.resolve("store/projections/order-summaries.g1/o-1.json")))
                .contains("\"status\": \"SHIPPED\"");
    }

    @Test
    void a_rebuild_fills_a_new_generation_while_the_old_read_model_keeps_serving_then_replaces_it() throws Exception {
        for (int i = 0; i < 40; i++) {
            order("o-" + i, "c-" + (i % 3), 2);
        }
        RunningProjection summaries = projections.start(new OrderSummaryProjection());
        assertThat(summaries.awaitCaughtUp(WAIT)).isTrue();
        readModels.put("order-summaries.g1", "stale-marker", new OrderSummary("x", "", "", 0, 0, "OLD", 0));

        var rebuilt = summaries.rebuild();
        assertThat(summaries.rebuild()).isSameAs(rebuilt);
        while (!rebuilt.isDone()) {
            var serving = summaries.readModel();
            assertThat(serving.find("o-39", OrderSummary.class)).isPresent();
            if (serving.collection().endsWith(".g2")) {
                assertThat(serving.keys()).hasSize(40);
            }
        }

        assertThat(rebuilt.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(summaries.generation()).isEqualTo(2);
        assertThat(summaries.status().rebuilding()).isEmpty();
        assertThat(summaries.readModel().keys()).hasSize(40).doesNotContain("stale-marker");
        assertThat(summaries.readModel().find("o-7", OrderSummary.class).orElseThrow().totalCents()).isEqualTo(600);
        assertThat(Files.exists(dir.resolve("store/checkpoints/order-summaries.g1.json"))).isFalse();
        summaries.rebuild().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Files.exists(dir.resolve("store/projections/order-summaries.g1"))).isFalse();
        assertThat(summaries.readModel().collection()).isEqualTo("order-summaries.g3");

        order("o-late", "c-9", 1);
        Await.until("the new generation follows live events", WAIT,
                () -> summaries.readModel().find("o-late", OrderSummary.class).isPresent());
    }

    @Test
    void a_restarted_projection_serves_the_generation_it_rebuilt_to() throws Exception {
        order("o-1", "ada", 1);
        RunningProjection first = projections.start(new OrderSummaryProjection());
        first.rebuild().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        first.close();

        RunningProjection again = projections.start(new OrderSummaryProjection());
        assertThat(again.generation()).isEqualTo(2);
        assertThat(again.awaitCaughtUp(WAIT)).isTrue();
        assertThat(again.readModel().keys()).isEqualTo(List.of("o-1"));
    }
}
