package dev.dossier.application.aggregate;

import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.SnapshotStore;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes snapshots off the caller's path: on a host-supplied {@link Executor}, on one daemon thread of its
 * own (named for the store, stopped by {@link #close()}), or inline. Snapshots of one aggregate queued
 * while an earlier one waits are coalesced: only the newest is written. A failed write is counted and
 * otherwise ignored, since the events alone always suffice.
 */
public final class SnapshotWriter implements AutoCloseable {
    private final SnapshotStore store;
    private final Executor executor;
    private final ExecutorService owned;
    private final AtomicReference<Thread> ownThread;
    private final Map<StreamId, Snapshot> queued = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Object idle = new Object();
    private int inFlight;
    private volatile boolean closed;

    private SnapshotWriter(SnapshotStore store, Executor executor, ExecutorService owned,
                           AtomicReference<Thread> ownThread) {
        this.store = Objects.requireNonNull(store, "store");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.owned = owned;
        this.ownThread = ownThread;
    }

    /** Writes on one daemon thread named {@code dossier-snapshots-<storeName>}, started on first use. */
    public static SnapshotWriter background(SnapshotStore store, String storeName) {
        var made = new AtomicReference<Thread>();
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "dossier-snapshots-" + storeName);
            t.setDaemon(true);
            made.set(t);
            return t;
        });
        return new SnapshotWriter(store, thread, thread, made);
    }

    /** Writes on the host's executor; {@link #close()} does not shut it down. */
    public static SnapshotWriter on(SnapshotStore store, Executor executor) {
        return new SnapshotWriter(store, executor, null, new AtomicReference<>());
    }

    /** Writes on the caller's thread, before the save returns. */
    public static SnapshotWriter inline(SnapshotStore store) {
        return new SnapshotWriter(store, Runnable::run, null, new AtomicReference<>());
    }

    public SnapshotStore store() {
        return store;
    }

    /** Queues {@code snapshot}; dropped once closed, or when the executor refuses it. */
    public void submit(Snapshot snapshot) {
        if (closed || queued.put(snapshot.stream(), snapshot) != null) {
            return;
        }
        synchronized (idle) {
            inFlight++;
        }
        try {
            executor.execute(() -> write(snapshot.stream()));
        } catch (RejectedExecutionException e) {
            queued.remove(snapshot.stream());
            done();
        }
    }

    private void write(StreamId stream) {
        try {
            Snapshot latest = queued.remove(stream);
            if (latest != null) {
                store.save(latest);
                written.incrementAndGet();
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        } finally {
            done();
        }
    }

    private void done() {
        synchronized (idle) {
            inFlight--;
            idle.notifyAll();
        }
    }

    /** Waits until every queued snapshot is written or failed; false when {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Snapshots written so far. */
    public long written() {
        return written.get();
    }

    /** Snapshot writes that failed so far (each aggregate then simply loads from more events). */
    public long failed() {
        return failed.get();
    }

    /**
     * Stops taking snapshots, waits up to 5 s for queued ones, and stops the own thread if there is one,
     * waiting up to 5 s more for it to end.
     */
    @Override
    public void close() {
        closed = true;
        try {
            awaitIdle(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (owned != null) {
                owned.shutdown();
                awaitOwnThread();
            }
        }
    }

    private void awaitOwnThread() {
        Thread thread = ownThread.get();
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
