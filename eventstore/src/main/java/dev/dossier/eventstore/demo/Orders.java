package dev.dossier.eventstore.demo;

import dev.dossier.application.aggregate.AggregateDefinition;
import dev.dossier.application.aggregate.SnapshotPolicy;
import dev.dossier.domain.model.EventTypeRegistry;

/** The order aggregate as the repository knows it, and the event types it records. */
public final class Orders {
    /** Orders, snapshotted every 100 events as an {@link OrderState} of schema version 1. */
    public static final AggregateDefinition<OrderState> DEFINITION = AggregateDefinition.of("order", OrderState.FOLD)
            .withSnapshots(SnapshotPolicy.every(100, OrderState.class, 1));

    private Orders() {
    }

    /** The order events, registered under their type names. */
    public static EventTypeRegistry registry() {
        return EventTypeRegistry.empty()
                .register("OrderPlaced", OrderEvents.OrderPlaced.class)
                .register("ItemAdded", OrderEvents.ItemAdded.class)
                .register("OrderShipped", OrderEvents.OrderShipped.class)
                .register("OrderCancelled", OrderEvents.OrderCancelled.class);
    }
}
