package dev.dossier.application.subscription;

import dev.dossier.domain.error.EventStoreException;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.CommitNotifications;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The body of one subscription: reads pages of {@code readAll} from the position after the last one dealt
 * with (pages never skip an event), delivers the matching ones, saves the checkpoint after each page, and
 * when a page comes back short it is caught up and waits for a commit notification or the poll interval.
 */
final class SubscriptionLoop implements Runnable {
    final SubscriberName name;
    final Wakeup wakeup = new Wakeup();
    final CountDownLatch stopRequested = new CountDownLatch(1);
    final CountDownLatch caughtUp = new CountDownLatch(1);
    final CountDownLatch finished = new CountDownLatch(1);
    final AtomicBoolean started = new AtomicBoolean();
    final AtomicLong parkedCount = new AtomicLong();
    volatile SubscriptionState state = SubscriptionState.STARTING;
    volatile long position;
    volatile String lastError;
    volatile boolean replayDue = true;
    volatile Thread thread;

    private final Subscriber subscriber;
    private final SubscriptionOptions options;
    private final SubscriptionPorts ports;
    private final Delivery delivery;
    private final ParkedReplay replay;
    private final CheckpointKeeper checkpoints;
    private final PageReader pages;
    private long lastReplayCheck;

    SubscriptionLoop(SubscriberName name, Subscriber subscriber, SubscriptionOptions options, SubscriptionPorts ports) {
        this.name = name;
        this.subscriber = subscriber;
        this.options = options;
        this.ports = ports;
        this.delivery = new Delivery(name, subscriber, options.retry(), ports, stopRequested, e -> lastError = e);
        this.replay = new ParkedReplay(name, ports, delivery, e -> lastError = e);
        this.checkpoints = new CheckpointKeeper(name, ports, e -> lastError = e);
        this.pages = new PageReader(ports, options);
    }

    boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        thread = Thread.currentThread();
        try (CommitNotifications.Registration ignored = ports.commits().onCommit(wakeup::ring)) {
            loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            lastError = e.toString();
            state = SubscriptionState.FAILED;
        } finally {
            if (state != SubscriptionState.FAILED) {
                state = SubscriptionState.STOPPED;
            }
            finished.countDown();
        }
    }

    private void loop() throws InterruptedException {
        position = checkpoints.start(options.start());
        state = SubscriptionState.CATCHING_UP;
        while (!stopping()) {
            PageReader.Page page;
            try {
                page = pages.after(position);
            } catch (EventStoreException e) {
                if (!e.isRetryable()) {
                    throw e;
                }
                lastError = "reading the store failed: " + e.getMessage();
                wakeup.await(options.pollInterval());
                continue;
            }
            if (!deliver(page.events())) {
                return;
            }
            if (stopping()) {
                break;
            }
            position = Math.max(position, page.through());
            checkpoints.save(position);
            if (page.atEnd()) {
                markCaughtUp();
                replayIfDue();
                if (page.events().isEmpty()) {
                    wakeup.await(options.pollInterval());
                }
            }
        }
        checkpoints.save(position);
    }

    /** Delivers a page; false when an event was parked and the options say to stop. */
    private boolean deliver(List<RecordedEvent> page) throws InterruptedException {
        for (RecordedEvent event : page) {
            if (stopping()) {
                return true;
            }
            if (options.filter().matches(event)) {
                Delivery.Outcome outcome = delivery.deliver(event, 0);
                if (outcome == Delivery.Outcome.STOPPING) {
                    return true;
                }
                if (outcome == Delivery.Outcome.PARKED) {
                    parkedCount.incrementAndGet();
                    if (options.onParked() == OnParked.STOP) {
                        checkpoints.save(position);
                        lastError = "stopped after parking the event at position " + event.position() + "; "
                                + lastError;
                        state = SubscriptionState.FAILED;
                        return false;
                    }
                }
            }
            position = event.position().value();
        }
        return true;
    }

    private void markCaughtUp() {
        if (caughtUp.getCount() == 0) {
            return;
        }
        try {
            subscriber.caughtUp(position);
        } catch (RuntimeException e) {
            lastError = "caughtUp(" + position + ") failed: " + e;
        }
        state = SubscriptionState.LIVE;
        caughtUp.countDown();
    }

    private void replayIfDue() throws InterruptedException {
        long now = System.nanoTime();
        if (!replayDue && now - lastReplayCheck < options.pollInterval().toNanos()) {
            return;
        }
        replayDue = false;
        lastReplayCheck = now;
        replay.run(this::stopping);
    }
}
