package dev.dossier.application.subscription;

import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.SubscriberName;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A running subscription: its state, a wait for "caught up", replay of its parked events, and close. */
public final class Subscription implements AutoCloseable {
    /** How long {@link #close()} waits for a handler that is still running, and for its own thread to end. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final SubscriptionLoop loop;
    private final SubscriptionPorts ports;
    private final Runnable onClose;
    private volatile Thread ownThread;

    Subscription(SubscriptionLoop loop, SubscriptionPorts ports, Runnable onClose) {
        this.loop = loop;
        this.ports = ports;
        this.onClose = onClose;
    }

    /** Records the daemon thread started for this subscription, which {@link #close()} then joins. */
    void runsOn(Thread thread) {
        this.ownThread = thread;
    }

    public SubscriberName name() {
        return loop.name;
    }

    /** The state, position, lag and last error, now. */
    public SubscriptionStatus status() {
        long last;
        try {
            last = ports.events().lastPosition();
        } catch (RuntimeException e) {
            last = loop.position;
        }
        return new SubscriptionStatus(loop.name, loop.state, loop.position, last, loop.parkedCount.get(),
                Optional.ofNullable(loop.lastError));
    }

    /** Waits until the subscription has seen every event committed when it started; false on timeout or stop. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return loop.caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the subscription has stopped (closed, or failed by itself); false on timeout. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return loop.finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the subscription has stopped (closed, or failed by itself). */
    public boolean isFinished() {
        return loop.finished.getCount() == 0;
    }

    /**
     * Marks this subscriber's parked events for replay (the one at {@code position}, or all) and wakes the
     * subscription, which delivers them again when it is next idle.
     *
     * @return how many were marked
     */
    public int replayParked(Optional<GlobalPosition> position) {
        int marked = ports.parked().requestReplay(loop.name, position);
        loop.replayDue = true;
        loop.wakeup.ring();
        return marked;
    }

    /**
     * Stops the subscription: the event being handled is finished (retries are cut short, the event is then
     * delivered again by the next run), the checkpoint stays at the last event dealt with. Waits up to
     * {@link #CLOSE_TIMEOUT} for the handler and, when the subscription runs on its own daemon thread, for that
     * thread to end. Idempotent.
     */
    @Override
    public void close() {
        loop.stopRequested.countDown();
        loop.wakeup.ring();
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        try {
            if (loop.started.compareAndSet(false, true)) {
                loop.state = SubscriptionState.STOPPED;
                loop.finished.countDown();
                awaitOwnThread(deadline);
            } else if (Thread.currentThread() != loop.thread
                    && loop.finished.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                awaitOwnThread(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.run();
    }

    /** Waits until the subscription's own daemon thread, if it has one, has ended, or until {@code deadline}. */
    private void awaitOwnThread(long deadline) throws InterruptedException {
        Thread thread = ownThread;
        if (thread != null && thread != Thread.currentThread()) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }
}
