package dev.dossier.eventstore.demo;

import java.util.List;

/** The read model of {@link CustomerOrdersProjection}: the orders each customer placed, sorted. */
public record CustomerOrders(String customer, List<String> orderIds) {
    public CustomerOrders {
        orderIds = List.copyOf(orderIds);
    }
}
