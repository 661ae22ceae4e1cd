package dev.dossier.eventstore.demo;

import dev.dossier.application.aggregate.AggregateFold;
import java.util.ArrayList;
import java.util.List;

/** An order rebuilt from its events: a plain record and a pure fold, no base class. */
public record OrderState(String customer, List<String> lines, long totalCents, String status) {

    /** Before the first event. */
    public static final OrderState NONE = new OrderState(null, List.of(), 0, "NONE");

    /** The fold the repository and the demo replay orders with. */
    public static final AggregateFold<OrderState> FOLD = AggregateFold.of(() -> NONE, OrderState::evolve);

    public OrderState {
        lines = List.copyOf(lines);
    }

    /** The state after {@code event}; unknown events leave it as it is. */
    public OrderState evolve(Object event) {
        if (event instanceof OrderEvents.OrderPlaced placed) {
            return new OrderState(placed.customer(), List.of(), 0, "OPEN");
        }
        if (event instanceof OrderEvents.ItemAdded item) {
            var added = new ArrayList<>(lines);
            added.add(item.quantity() + " x " + item.sku());
            return new OrderState(customer, added, totalCents + item.quantity() * item.unitPriceCents(), status);
        }
        if (event instanceof OrderEvents.OrderShipped) {
            return new OrderState(customer, lines, totalCents, "SHIPPED");
        }
        if (event instanceof OrderEvents.OrderCancelled) {
            return new OrderState(customer, lines, totalCents, "CANCELLED");
        }
        return this;
    }
}
