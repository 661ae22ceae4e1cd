package dev.dossier.application.projection;

import dev.dossier.application.subscription.SubscriptionOptions;
import dev.dossier.application.subscription.Subscriptions;
import dev.dossier.domain.port.ReadModelStore;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starts projections on a {@link Subscriptions} and a {@link ReadModelStore}, and stops them on close. */
public final class Projections implements AutoCloseable {
    /** The collection that says which generation of each projection serves. */
    public static final String POINTERS = "dossier-projections";

    private final Subscriptions subscriptions;
    private final ReadModelStore store;
    private final List<RunningProjection> started = new CopyOnWriteArrayList<>();

    public Projections(Subscriptions subscriptions, ReadModelStore store) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Starts {@code projection} with default subscription options (its own filter, from the beginning). */
    public RunningProjection start(Projection projection) {
        return start(projection, SubscriptionOptions.defaults());
    }

    /** Starts {@code projection}; the options' filter and start are replaced by the projection's. */
    public RunningProjection start(Projection projection, SubscriptionOptions options) {
        var running = new RunningProjection(projection, subscriptions, store, options);
        started.add(running);
        return running;
    }

    @Override
    public void close() {
        started.forEach(RunningProjection::close);
        started.clear();
    }
}
