package dev.dossier.application.subscription;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.SubscriberName;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Starts and keeps the subscriptions of one store. Each subscription runs as one long task, on the host's
 * {@link Executor} or on a daemon thread named {@code dossier-<store>-<subscriber>}; {@link #close()} stops
 * them all. One subscriber name runs at most once per instance (two processes must not run the same name).
 */
public final class Subscriptions implements AutoCloseable {
    private final SubscriptionPorts ports;
    private final Optional<Executor> executor;
    private final String storeLabel;
    private final Map<SubscriberName, Subscription> running = new ConcurrentHashMap<>();

    private Subscriptions(SubscriptionPorts ports, Optional<Executor> executor, String storeLabel) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.executor = executor;
        this.storeLabel = storeLabel;
    }

    /** Subscriptions on the host's executor, which must be able to run each of them as a long task. */
    public static Subscriptions on(SubscriptionPorts ports, Executor executor) {
        return new Subscriptions(ports, Optional.of(executor), "");
    }

    /** Subscriptions on daemon threads named {@code dossier-<storeLabel>-<subscriber>}. */
    public static Subscriptions withDaemonThreads(SubscriptionPorts ports, String storeLabel) {
        return new Subscriptions(ports, Optional.empty(), storeLabel);
    }

    public SubscriptionPorts ports() {
        return ports;
    }

    /**
     * Starts delivering to {@code subscriber}: after its checkpoint if it has one, else from
     * {@code options.start()}.
     *
     * @throws InvalidInputException when a subscription of that name is already running here (one that
     *         stopped by itself may be subscribed again)
     */
    public Subscription subscribe(SubscriberName name, Subscriber subscriber, SubscriptionOptions options) {
        var loop = new SubscriptionLoop(name, subscriber, options, ports);
        var subscription = new Subscription(loop, ports, () -> running.remove(name));
        Subscription earlier = running.putIfAbsent(name, subscription);
        if (earlier != null && earlier.isFinished() && running.replace(name, earlier, subscription)) {
            earlier = null;
        }
        if (earlier != null) {
            throw new InvalidInputException("subscriber name", "'" + name + "' is already subscribed");
        }
        if (executor.isPresent()) {
            try {
                executor.get().execute(loop);
            } catch (RuntimeException e) {
                running.remove(name, subscription);
                throw e;
            }
        } else {
            Thread thread = new Thread(loop, "dossier-" + storeLabel + "-" + name);
            thread.setDaemon(true);
            subscription.runsOn(thread);
            thread.start();
        }
        return subscription;
    }

    /** The running subscription of that name. */
    public Optional<Subscription> find(SubscriberName name) {
        return Optional.ofNullable(running.get(name));
    }

    /** The status of every running subscription, by name. */
    public List<SubscriptionStatus> statuses() {
        return running.values().stream().map(Subscription::status)
                .sorted(java.util.Comparator.comparing(SubscriptionStatus::subscriber)).toList();
    }

    /** The parked events of one subscriber, or of all when empty. */
    public List<ParkedEvent> parked(Optional<SubscriberName> subscriber) {
        return ports.parked().list(subscriber);
    }

    /**
     * Marks parked events for replay (one position, or all of the subscriber's); the subscriber's running
     * subscription, here or in another process sharing the store, delivers them again when idle.
     *
     * @return how many were marked
     */
    public int replayParked(SubscriberName subscriber, Optional<GlobalPosition> position) {
        Optional<Subscription> here = find(subscriber);
        return here.isPresent() ? here.get().replayParked(position) : ports.parked().requestReplay(subscriber, position);
    }

    /** Stops every subscription (see {@link Subscription#close()}). */
    @Override
    public void close() {
        List.copyOf(running.values()).forEach(Subscription::close);
    }
}
