package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.EventStoreException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.error.StoreUnavailableException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a failed commit does to its group and to the store: each caller gets the exception that says what
 * happened, and the store stops accepting appends when the failure left the journal ahead of the files or
 * in an unknown state. Written by the {@link CommitWriter}'s leader; the reason is read from any thread.
 */
final class CommitFailures {
    private final Path root;
    private final Journal journal;
    private volatile String readOnlyReason;

    CommitFailures(Path root, Journal journal) {
        this.root = root;
        this.journal = journal;
    }

    /** Why the store stopped accepting writes, or empty while it accepts them. */
    Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    /**
     * Fails every request of {@code group} with a {@link StoreUnavailableException} when the store stopped
     * accepting writes; returns whether it did.
     */
    boolean refuseWhenReadOnly(List<AppendRequest> group) {
        if (readOnlyReason == null) {
            return false;
        }
        group.forEach(r -> r.fail(new StoreUnavailableException(readOnlyReason)));
        return true;
    }

    /**
     * Fails the requests of {@code group} not yet decided: with a {@link StorageException} (or the
     * {@link EventStoreException} that was thrown) when nothing was committed, with a {@link StorageException}
     * saying so when the events were committed but not written out. The latter, and a failed cut back of
     * the journal, turn the store read-only.
     */
    void fail(List<AppendRequest> group, Exception cause, boolean committed) {
        if (committed) {
            readOnlyReason = "The event store " + root + " stopped accepting appends: events were"
                    + " committed to its journal but could not be written out (" + cause + "). Reopen the store;"
                    + " opening it finishes the work.";
        } else if (!journal.isConsistent()) {
            readOnlyReason = "The event store " + root + " stopped accepting appends: a failed"
                    + " commit could not be undone (" + cause + "). Reopen the store to recover.";
        }
        RuntimeException error = committed
                ? new StorageException("write out events that were committed to the journal of "
                        + root + " (they become visible when the store is reopened)", cause)
                : cause instanceof EventStoreException ese ? ese
                : new StorageException("append to the event store at " + root, cause);
        group.forEach(r -> r.fail(error));
    }

    /**
     * Fails the requests of {@code group} not yet decided when an error (not an exception: out of memory, say)
     * cut a commit short: whether their events were committed is unknown, so the store turns read-only.
     */
    void failUnknown(List<AppendRequest> group, Error cause) {
        readOnlyReason = "The event store " + root + " stopped accepting appends: a commit was cut short by "
                + cause + ", so whether its events were recorded is known only after reopening. Reopen the store"
                + " to recover.";
        group.forEach(r -> r.fail(new StoreUnavailableException(readOnlyReason)));
    }
}
