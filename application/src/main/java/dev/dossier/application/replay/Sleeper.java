package dev.dossier.application.replay;

import java.time.Duration;

/** Waits between replayed events; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    /** Sleeps the thread; an interrupt ends the wait early and stays set on the thread. */
    static Sleeper system() {
        return duration -> {
            if (duration.isZero()) {
                return;
            }
            try {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
