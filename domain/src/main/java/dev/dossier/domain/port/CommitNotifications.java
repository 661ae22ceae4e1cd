package dev.dossier.domain.port;

/**
 * Tells interested parties that new events may have been committed: by this process (right after the
 * append) or, where the adapter can see it, by another process writing the same store. A notification is a
 * hint to read again, never a payload: listeners read with {@link ReadAllEvents}, which never skips.
 * Listeners may be called from any thread and must return quickly.
 */
public interface CommitNotifications {

    /**
     * Calls {@code listener} after commits from now on, until the returned registration is closed.
     * Spurious calls are allowed; a missed one is made good by the caller's own periodic re-read.
     */
    Registration onCommit(Runnable listener);

    /** A listener's registration; closing it stops the calls. Idempotent. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
