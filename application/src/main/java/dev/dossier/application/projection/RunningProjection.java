package dev.dossier.application.projection;

import dev.dossier.application.subscription.StartPosition;
import dev.dossier.application.subscription.Subscriber;
import dev.dossier.application.subscription.Subscription;
import dev.dossier.application.subscription.SubscriptionOptions;
import dev.dossier.application.subscription.Subscriptions;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.ReadModelStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A started projection. Generation {@code g} of its read model is the collection {@code <name>.g<g>}, fed by
 * the subscriber of the same name. {@link #rebuild()} fills generation {@code g + 1} from the first event
 * while generation {@code g} keeps serving and following; once the new one has caught up, the pointer
 * moves to it and the old subscription stops and its checkpoint is deleted. The retired collection stays
 * (frozen) so that a query that began on it can finish; it is deleted when the projection next starts or
 * rebuilds.
 */
public final class RunningProjection implements AutoCloseable {
    private final Projection projection;
    private final Subscriptions subscriptions;
    private final ReadModelStore store;
    private final SubscriptionOptions options;
    private volatile int generation;
    private volatile Subscription serving;
    private Subscription rebuilding;
    private CompletableFuture<Integer> rebuilt;

    RunningProjection(Projection projection, Subscriptions subscriptions, ReadModelStore store,
                      SubscriptionOptions options) {
        this.projection = projection;
        this.subscriptions = subscriptions;
        this.store = store;
        this.options = options.filter(projection.filter()).start(StartPosition.beginning());
        String name = projection.name().value();
        this.generation = store.find(Projections.POINTERS, name, ProjectionGeneration.class)
                .map(ProjectionGeneration::generation).orElse(1);
        store.put(Projections.POINTERS, name, new ProjectionGeneration(generation));
        forget(generation - 1);
        forget(generation + 1);
        this.serving = subscribe(generation, false);
    }

    /** The read model that serves queries now; ask again for each query (a rebuild replaces it). */
    public ReadModel readModel() {
        return new ReadModel(store, collectionOf(generation));
    }

    /** The generation that serves queries. */
    public int generation() {
        return generation;
    }

    /** The serving subscription's waiting for "caught up"; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return serving.awaitCaughtUp(timeout);
    }

    public synchronized ProjectionStatus status() {
        return new ProjectionStatus(projection.name(), generation, serving.status(),
                Optional.ofNullable(rebuilding).map(Subscription::status));
    }

    /**
     * Rebuilds the read model from scratch into a new generation; the current one serves until then.
     *
     * @return completes with the new generation once it serves; the same future while a rebuild runs
     */
    public synchronized CompletableFuture<Integer> rebuild() {
        if (rebuilt != null) {
            return rebuilt;
        }
        int next = generation + 1;
        forget(generation - 1);
        forget(next);
        rebuilt = new CompletableFuture<>();
        rebuilding = subscribe(next, true);
        return rebuilt;
    }

    private Subscription subscribe(int target, boolean swapWhenCaughtUp) {
        ReadModel model = new ReadModel(store, collectionOf(target));
        Subscriber subscriber = new Subscriber() {
            @Override
            public void handle(RecordedEvent event) throws Exception {
                projection.apply(event, model);
            }

            @Override
            public void caughtUp(long position) {
                if (swapWhenCaughtUp) {
                    swapTo(target);
                }
            }
        };
        return subscriptions.subscribe(subscriberOf(target), subscriber, options);
    }

    /** Runs on the new generation's thread once it has caught up. */
    private void swapTo(int next) {
        Subscription old;
        int oldGeneration;
        CompletableFuture<Integer> done;
        synchronized (this) {
            store.put(Projections.POINTERS, projection.name().value(), new ProjectionGeneration(next));
            old = serving;
            oldGeneration = generation;
            serving = rebuilding;
            generation = next;
            rebuilding = null;
            done = rebuilt;
            rebuilt = null;
        }
        old.close();
        subscriptions.ports().checkpoints().delete(subscriberOf(oldGeneration));
        done.complete(next);
    }

    private void forget(int target) {
        if (target >= 1) {
            store.drop(collectionOf(target));
            subscriptions.ports().checkpoints().delete(subscriberOf(target));
        }
    }

    private String collectionOf(int target) {
        return projection.name().value() + ".g" + target;
    }

    private SubscriberName subscriberOf(int target) {
        return SubscriberName.of(collectionOf(target));
    }

    /**
     * Stops the projection, and a rebuild in progress: its future is cancelled and the next rebuild starts
     * over.
     */
    @Override
    public void close() {
        Subscription pending;
        CompletableFuture<Integer> unfinished;
        synchronized (this) {
            pending = rebuilding;
            unfinished = rebuilt;
        }
        if (pending != null) {
            pending.close();
        }
        serving.close();
        if (unfinished != null) {
            unfinished.cancel(false);
        }
    }
}
