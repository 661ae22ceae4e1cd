package dev.dossier.application.subscription;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A reusable doorbell: {@link #ring()} wakes one pending or the next {@link #await(Duration)}; rings coalesce. */
final class Wakeup {
    private final Semaphore bell = new Semaphore(0);

    void ring() {
        if (bell.availablePermits() == 0) {
            bell.release();
        }
    }

    /** Waits until rung or {@code timeout}; returns at once when rung since the last wait. */
    void await(Duration timeout) throws InterruptedException {
        if (bell.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            bell.drainPermits();
        }
    }
}
