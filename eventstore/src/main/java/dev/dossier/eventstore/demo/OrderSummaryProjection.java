package dev.dossier.eventstore.demo;

import dev.dossier.application.projection.Projection;
import dev.dossier.application.projection.ReadModel;
import dev.dossier.application.subscription.EventFilter;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.SubscriberName;

/** A sample projection: one {@link OrderSummary} per order, keyed by order id (status, items, total). */
public final class OrderSummaryProjection implements Projection {
    public static final SubscriberName NAME = SubscriberName.of("order-summaries");

    @Override
    public SubscriberName name() {
        return NAME;
    }

    @Override
    public EventFilter filter() {
        return EventFilter.aggregateTypes("order");
    }

    @Override
    public void apply(RecordedEvent event, ReadModel model) {
        String id = event.stream().id().value();
        OrderSummary before = model.find(id, OrderSummary.class)
                .orElse(new OrderSummary(id, "", "", 0, 0, "NEW", 0));
        long position = event.position().value();
        if (before.lastPosition() >= position) {
            return;
        }
        model.put(id, next(before, event.payload(), position));
    }

    private static OrderSummary next(OrderSummary before, Object payload, long position) {
        if (payload instanceof OrderEvents.OrderPlaced p) {
            return new OrderSummary(before.orderId(), p.customer(), p.currency(), 0, 0, "OPEN", position);
        }
        if (payload instanceof OrderEvents.ItemAdded i) {
            return new OrderSummary(before.orderId(), before.customer(), before.currency(),
                    before.items() + i.quantity(), before.totalCents() + i.quantity() * i.unitPriceCents(),
                    before.status(), position);
        }
        if (payload instanceof OrderEvents.OrderShipped) {
            return withStatus(before, "SHIPPED", position);
        }
        if (payload instanceof OrderEvents.OrderCancelled) {
            return withStatus(before, "CANCELLED", position);
        }
        return withStatus(before, before.status(), position);
    }

    private static OrderSummary withStatus(OrderSummary before, String status, long position) {
        return new OrderSummary(before.orderId(), before.customer(), before.currency(), before.items(),
                before.totalCents(), status, position);
    }
}
