package dev.dossier.eventstore.demo;

import dev.dossier.application.command.CommandRejectedException;
import java.util.List;

/**
 * The sample domain's commands. Each decides, from the current state alone, the events it records or
 * why it is rejected: an order is placed once, takes items only while open, and ships only when it has
 * items.
 */
public sealed interface OrderCommands {

    /** The events this command records against {@code order}. */
    List<Object> decide(OrderState order);

    record PlaceOrder(String customer, String currency) implements OrderCommands {
        @Override
        public List<Object> decide(OrderState order) {
            if (!order.status().equals("NONE")) {
                throw new CommandRejectedException("order", "it was already placed");
            }
            return List.of(new OrderEvents.OrderPlaced(customer, currency));
        }
    }

    record AddItem(String sku, int quantity, long unitPriceCents) implements OrderCommands {
        @Override
        public List<Object> decide(OrderState order) {
            if (!order.status().equals("OPEN")) {
                throw new CommandRejectedException("order", "items cannot be added to an order that is "
                        + order.status().toLowerCase(java.util.Locale.ROOT));
            }
            if (quantity < 1) {
                throw new CommandRejectedException("order", "the quantity must be 1 or more, was " + quantity);
            }
            return List.of(new OrderEvents.ItemAdded(sku, quantity, unitPriceCents));
        }
    }

    record ShipOrder(String carrier, String trackingCode) implements OrderCommands {
        @Override
        public List<Object> decide(OrderState order) {
            if (!order.status().equals("OPEN") || order.lines().isEmpty()) {
                throw new CommandRejectedException("order", "only an open order with items can ship");
            }
            return List.of(new OrderEvents.OrderShipped(carrier, trackingCode));
        }
    }
}
