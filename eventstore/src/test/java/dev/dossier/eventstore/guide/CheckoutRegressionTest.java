package dev.dossier.eventstore.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.application.command.CommandRejectedException;
import dev.dossier.application.replay.Replay;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import dev.dossier.eventstore.Dossier;
import dev.dossier.eventstore.demo.OrderCommands;
import dev.dossier.eventstore.demo.OrderDemo;
import dev.dossier.eventstore.demo.OrderState;
import dev.dossier.eventstore.testing.RecordedStore;
import dev.dossier.eventstore.testing.Recording;
import dev.dossier.eventstore.testing.StoreKind;
import dev.dossier.eventstore.testing.StoreSetup;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/guide-bug-reproduction.md: a checkout session recorded in the field
 * ({@code src/test/resources/recordings/checkout-7f3a.zip}) turned into regression tests.
 */
class CheckoutRegressionTest {
    private static final StreamId SHIPPED = StreamId.of("order", "o-1001");
    private static final StreamId CANCELLED = StreamId.of("order", "o-1002");

    /** The production configuration: the order events bound to their classes. */
    static final class Orders implements StoreSetup {
        @Override
        public Dossier configure(Dossier dossier) {
            return OrderDemo.configure(dossier);
        }
    }

    @Test
    void an_order_cancelled_in_the_field_can_no_longer_ship(
            @Recording(value = "recordings/checkout-7f3a.zip", setup = Orders.class) RecordedStore field) {
        OrderState order = field.stateOf(CANCELLED, OrderState.FOLD);

        assertThat(order.status()).isEqualTo("CANCELLED");
        assertThatThrownBy(() -> new OrderCommands.ShipOrder("dhl", "JD0002").decide(order))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("only an open order with items can ship");
    }

    @Test
    void stepping_through_the_session_shows_each_order_as_support_saw_it(
            @Recording(value = "recordings/checkout-7f3a.zip", kind = StoreKind.IN_MEMORY, setup = Orders.class)
            RecordedStore field) {
        Map<StreamId, OrderState> orders = new TreeMap<>();
        Replay replay = field.replay(event -> orders.compute(event.stream(),
                (stream, was) -> (was == null ? OrderState.NONE : was).evolve(event.payload())));

        replay.runToEventType(EventType.of("OrderShipped"));
        assertThat(orders).containsOnlyKeys(SHIPPED);
        assertThat(orders.get(SHIPPED).totalCents()).isEqualTo(2 * 1250 + 3 * 199);

        replay.runAll();
        assertThat(orders.get(CANCELLED).status()).isEqualTo("CANCELLED");
        assertThat(replay.delivered()).isEqualTo(7);
    }
}
