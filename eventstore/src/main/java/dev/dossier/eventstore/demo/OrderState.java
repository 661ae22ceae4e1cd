package dev.dossier.eventstore.demo;

import dev.dossier.application.replay.EventFold;
import dev.dossier.domain.model.RecordedEvent;
import java.util.ArrayList;
import java.util.List;

/** An order rebuilt from its events. */
public record OrderState(String customer, List<String> lines, long totalCents, String status) {

    public static final EventFold<OrderState> FOLD = new EventFold<>() {
        @Override
        public OrderState initial() {
            return new OrderState(null, List.of(), 0, "NONE");
        }

        @Override
        public OrderState apply(OrderState state, RecordedEvent event) {
            Object payload = event.payload();
            if (payload instanceof OrderEvents.OrderPlaced placed) {
                return new OrderState(placed.customer(), List.of(), 0, "OPEN");
            }
            if (payload instanceof OrderEvents.ItemAdded item) {
                var lines = new ArrayList<>(state.lines());
                lines.add(item.quantity() + " x " + item.sku());
                return new OrderState(state.customer(), List.copyOf(lines),
                        state.totalCents() + item.quantity() * item.unitPriceCents(), state.status());
            }
            if (payload instanceof OrderEvents.OrderShipped) {
                return new OrderState(state.customer(), state.lines(), state.totalCents(), "SHIPPED");
            }
            if (payload instanceof OrderEvents.OrderCancelled) {
                return new OrderState(state.customer(), state.lines(), state.totalCents(), "CANCELLED");
            }
            return state;
        }
    };
}
