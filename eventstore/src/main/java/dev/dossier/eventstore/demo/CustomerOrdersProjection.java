package dev.dossier.eventstore.demo;

import dev.dossier.application.projection.Projection;
import dev.dossier.application.projection.ReadModel;
import dev.dossier.application.subscription.EventFilter;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.SubscriberName;
import java.util.TreeSet;

/** A sample projection: for each customer, the ids of the orders they placed (a set, so replays are harmless). */
public final class CustomerOrdersProjection implements Projection {
    public static final SubscriberName NAME = SubscriberName.of("customer-orders");

    @Override
    public SubscriberName name() {
        return NAME;
    }

    @Override
    public EventFilter filter() {
        return EventFilter.eventTypes("OrderPlaced");
    }

    @Override
    public void apply(RecordedEvent event, ReadModel model) {
        var placed = event.payloadAs(OrderEvents.OrderPlaced.class);
        var orders = new TreeSet<String>(model.find(placed.customer(), CustomerOrders.class)
                .map(CustomerOrders::orderIds).orElse(java.util.List.of()));
        if (orders.add(event.stream().id().value())) {
            model.put(placed.customer(), new CustomerOrders(placed.customer(), java.util.List.copyOf(orders)));
        }
    }
}
