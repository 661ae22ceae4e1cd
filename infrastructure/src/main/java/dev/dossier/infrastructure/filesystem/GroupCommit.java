package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.AppendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: appends from many threads queue up, and whichever thread finds no leader becomes it and
 * commits everything queued so far in one go; the others wait until their request is decided or the
 * leader is free. Followers do not wait on the leader lock itself: then every thread of a finished group
 * would take and release it in turn before the next leader could start, and groups would stay small.
 */
final class GroupCommit {
    /** Commits a group: decides every request of it (succeeds or fails each), or throws an error. */
    interface Committer {
        void commit(List<AppendRequest> group);
    }

    /** Decides the requests of a group whose commit {@code cause} cut short. */
    interface OnError {
        void failed(List<AppendRequest> group, Error cause);
    }

    private final ReentrantLock leader = new ReentrantLock();
    /** Callers wait on this for their request to be decided; it is notified whenever the leader is free. */
    private final Object decided = new Object();
    private final ConcurrentLinkedQueue<AppendRequest> queue = new ConcurrentLinkedQueue<>();

    /**
     * Queues {@code request} and returns its outcome once a commit decided it, committing itself when no other
     * thread is. An interrupt does not abandon the request; it is kept for after the wait.
     *
     * @param onError what to do with a group whose commit an error (not an exception) cut short
     */
    AppendResult submit(AppendRequest request, Committer committer, OnError onError) {
        queue.add(request);
        boolean interrupted = false;
        while (!request.isDone()) {
            if (leader.tryLock()) {
                try {
                    if (!request.isDone()) {
                        commit(drain(), committer, onError);
                    }
                } finally {
                    release();
                }
            } else {
                interrupted |= awaitDecisionOrFreeLeader(request);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return request.outcome();
    }

    /** Runs {@code action} as the leader if no other thread leads now; false, running nothing, otherwise. */
    boolean tryLead(Runnable action) {
        if (!leader.tryLock()) {
            return false;
        }
        try {
            action.run();
        } finally {
            release();
        }
        return true;
    }

    /** Runs {@code action} as the leader, once the current leader is done; no group commits meanwhile. */
    void lead(Runnable action) {
        leader.lock();
        try {
            action.run();
        } finally {
            release();
        }
    }

    /**
     * Commits {@code group}; whatever happens, no request of it is left undecided (its caller would wait
     * for ever): a request the committer or {@code onError} did not decide fails as a bug.
     */
    private static void commit(List<AppendRequest> group, Committer committer, OnError onError) {
        Throwable failure = null;
        try {
            committer.commit(group);
        } catch (Error e) {
            failure = e;
            onError.failed(group, e);
            throw e;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            for (AppendRequest request : group) {
                if (!request.isDone()) {
                    request.fail(new IllegalStateException("the commit ended without deciding this append to "
                            + request.stream + (failure != null ? " (" + failure + ")" : ""), failure));
                }
            }
        }
    }

    private List<AppendRequest> drain() {
        var group = new ArrayList<AppendRequest>();
        for (AppendRequest next; (next = queue.poll()) != null; ) {
            group.add(next);
        }
        return group;
    }

    /** Waits until {@code request} is decided or no thread leads; returns true when interrupted. */
    private boolean awaitDecisionOrFreeLeader(AppendRequest request) {
        synchronized (decided) {
            while (!request.isDone() && leader.isLocked()) {
                try {
                    decided.wait();
                } catch (InterruptedException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Wakes the callers waiting for their requests, so that those the leader has just decided return while it
     * finishes its work (checkpoint, registries, packing). Call while leading.
     */
    void wakeDecided() {
        synchronized (decided) {
            decided.notifyAll();
        }
    }

    private void release() {
        leader.unlock();
        wakeDecided();
    }
}
