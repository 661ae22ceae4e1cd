package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The checkpointer's two daemon threads, each started when first needed: {@code dossier-checkpointer}
 * looks at the waiting checkpoints, {@code dossier-metadata} prepares spare journals and refreshes the
 * metadata registries. {@link #stop} waits for both to end (they may start again later, as after a pack);
 * {@link #close} also keeps them from ever starting again. Thread-safe.
 */
final class CheckpointThreads {
    /** Work that may fail. */
    interface Work {
        void run() throws IOException;
    }

    private ScheduledThreadPoolExecutor checks;
    private ExecutorService metadata;
    private boolean checkScheduled;
    private Future<?> refreshing;
    private boolean closed;
    private final DaemonThreads threads = new DaemonThreads();

    /**
     * Runs {@code look} on the checkpoint thread in {@code millis}, unless a look is scheduled already; a
     * look returns when to look again (0: not again until asked).
     */
    synchronized void checkIn(long millis, LongSupplier look) {
        if (checkScheduled || closed) {
            return;
        }
        if (checks == null) {
            checks = new ScheduledThreadPoolExecutor(1, threads.named("dossier-checkpointer"));
            checks.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        schedule(checks, millis, look);
    }

    /** Schedules a look on {@code thread}; the look schedules the next itself, on the same thread only. */
    private void schedule(ScheduledThreadPoolExecutor thread, long millis, LongSupplier look) {
        checkScheduled = true;
        thread.schedule(() -> {
            long next = 0;
            try {
                next = look.getAsLong();
            } finally {
                synchronized (this) {
                    checkScheduled = false;
                    if (next > 0 && checks == thread && !closed && !thread.isShutdown()) {
                        schedule(thread, next, look);
                    }
                }
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code work} on the metadata thread; null, running nothing, when the threads are closed, or when
     * they are stopped and {@code start} is false.
     */
    synchronized java.util.concurrent.Future<?> runOnMetadataThread(Work work, boolean start) {
        ExecutorService thread = start ? metadataThread() : metadata;
        if (thread != null && thread.isShutdown()) {
            thread = null;
        }
        return thread == null ? null : thread.submit(() -> {
            work.run();
            return null;
        });
    }

    /** Hands the metadata thread to {@code use} (to submit work to), unless the threads are closed. */
    synchronized void onMetadataThread(Consumer<ExecutorService> use) {
        ExecutorService thread = metadataThread();
        if (thread != null) {
            use.accept(thread);
        }
    }

    /**
     * Runs {@code refresh} on the metadata thread, or here once the threads are closed.
     *
     * @return false, starting nothing, when the previous refresh has not finished yet
     */
    boolean refresh(Work refresh) throws IOException {
        synchronized (this) {
            if (refreshing != null && !refreshing.isDone()) {
                return false;
            }
            ExecutorService thread = metadataThread();
            if (thread != null) {
                refreshing = thread.submit(() -> {
                    refresh.run();
                    return null;
                });
                return true;
            }
        }
        refresh.run();
        return true;
    }

    private ExecutorService metadataThread() {
        if (closed) {
            return null;
        }
        if (metadata == null || metadata.isShutdown()) {
            metadata = Executors.newSingleThreadExecutor(threads.named("dossier-metadata"));
        }
        return metadata;
    }

    /**
     * Lets both threads finish their work and end. Never interrupts them: an interrupt during a force would
     * close the index's shared channel. An interrupt of the caller is kept for after the wait.
     */
    void stop() {
        synchronized (this) {
            if (checks != null) {
                checks.shutdown();
            }
            if (metadata != null) {
                metadata.shutdown();
            }
            checks = null;
            metadata = null;
            checkScheduled = false;
            refreshing = null;
        }
        threads.joinAll();
    }

    /** Stops both threads for good. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        stop();
    }
}
