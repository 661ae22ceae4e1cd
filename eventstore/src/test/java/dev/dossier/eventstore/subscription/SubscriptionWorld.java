package dev.dossier.eventstore.subscription;

import dev.dossier.application.subscription.Subscriptions;
import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.Dossier;
import dev.dossier.infrastructure.filesystem.Durability;
import java.nio.file.Path;

/** A filesystem store in a temporary directory with subscriptions over it, and helpers to append. */
final class SubscriptionWorld implements AutoCloseable {
    final Dossier dossier;
    final EventStorePort store;
    final Subscriptions subscriptions;

    SubscriptionWorld(Path root) {
        dossier = Dossier.builder().path(root).durability(Durability.OS_BUFFERED);
        store = dossier.open();
        subscriptions = dossier.subscriptions(store);
    }

    /** A fresh Subscriptions over the same store and checkpoints, as a restarted host would have. */
    Subscriptions restarted() {
        return dossier.subscriptions(store);
    }

    AppendResult append(String type, String id, String eventType) {
        return store.append(StreamId.of(type, id), ExpectedVersion.any(),
                NewEvent.of(eventType, RawJson.of("{\"id\":\"" + id + "\"}")));
    }

    void appendMany(int count) {
        for (int i = 0; i < count; i++) {
            append(i % 2 == 0 ? "order" : "customer", "x-" + (i % 7), i % 3 == 0 ? "OrderPlaced" : "ItemAdded");
        }
    }

    @Override
    public void close() {
        subscriptions.close();
        store.close();
    }
}
