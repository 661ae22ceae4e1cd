package dev.dossier.infrastructure.common;

import dev.dossier.domain.port.CommitNotifications;
import java.util.concurrent.CopyOnWriteArrayList;

/** The in-process side of {@link CommitNotifications}: a list of listeners the store calls after each commit. */
public final class CommitSignal implements CommitNotifications {
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Registration onCommit(Runnable listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Whether anyone listens. */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Calls every listener; one that throws does not keep the others from being called. */
    public void fire() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // A listener's failure is its own; the commit stands and the others are still told.
            }
        }
    }
}
