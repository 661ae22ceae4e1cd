package dev.dossier.eventstore.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.application.aggregate.AggregateDefinition;
import dev.dossier.application.aggregate.AggregateRoot;
import dev.dossier.application.aggregate.SnapshotPolicy;
import dev.dossier.application.command.CommandRejectedException;
import dev.dossier.domain.model.Version;
import dev.dossier.eventstore.demo.OrderEvents.ItemAdded;
import dev.dossier.eventstore.demo.OrderEvents.OrderPlaced;
import dev.dossier.eventstore.demo.OrderEvents.OrderShipped;
import org.junit.jupiter.api.Test;

/** The optional base-type style: an object with command methods that raises events. */
class AggregateRootTest {

    /** An order as a mutable object; its memento is what gets snapshotted. */
    static final class Order extends AggregateRoot {
        private boolean shipped;
        private int items;

        record Memento(boolean shipped, int items) {
        }

        void addItem(String sku) {
            if (shipped) {
                throw new CommandRejectedException("order", "it has shipped");
            }
            raise(new ItemAdded(sku, 1, 100));
        }

        void ship() {
            raise(new OrderShipped("dhl", "JD1"));
        }

        @Override
        protected void when(Object event) {
            if (event instanceof ItemAdded) {
                items++;
            } else if (event instanceof OrderShipped) {
                shipped = true;
            }
        }
    }

    private static final AggregateDefinition<Order> ORDERS = AggregateDefinition.of("order", AggregateRoot.fold(Order::new))
            .withSnapshots(SnapshotPolicy.every(2, 1, Order.Memento.class,
                    order -> new Order.Memento(order.shipped, order.items), memento -> {
                        var order = new Order();
                        order.shipped = memento.shipped();
                        order.items = memento.items();
                        return order;
                    }));

    private final OrderWorld world = new OrderWorld();

    @Test
    void a_root_raises_events_that_are_saved_and_replayed_into_a_new_root() {
        var aggregate = world.repository.load(ORDERS, "o-1");
        aggregate.apply(new OrderPlaced("ada", "EUR"));
        aggregate.state().addItem("a");
        aggregate.state().addItem("b");
        assertThat(aggregate.state().version()).isEqualTo(Version.of(3));
        world.repository.save(aggregate);

        var loaded = world.repository.load(ORDERS, "o-1");
        assertThat(loaded.state()).isNotSameAs(aggregate.state());
        assertThat(loaded.state().items).isEqualTo(2);
        assertThat(world.snapshots.load(ORDERS.streamOf("o-1"), Order.Memento.class, 1).orElseThrow().state())
                .isEqualTo(new Order.Memento(false, 2));
    }

    @Test
    void a_root_enforces_its_invariant() {
        var aggregate = world.repository.load(ORDERS, "o-1");
        aggregate.state().ship();

        assertThatThrownBy(() -> aggregate.state().addItem("late")).isInstanceOf(CommandRejectedException.class);
        assertThat(aggregate.uncommitted()).hasSize(1);
    }

    @Test
    void a_root_that_was_not_loaded_cannot_raise_events() {
        assertThatThrownBy(() -> new Order().ship()).isInstanceOf(IllegalStateException.class);
    }
}
