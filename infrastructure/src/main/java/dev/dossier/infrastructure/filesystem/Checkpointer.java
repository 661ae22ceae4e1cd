package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Checkpoints off the append path. When the journal holds a checkpoint's worth of events, the writer seals
 * it and carries on in a spare journal. The sealed journal keeps its events safe until its checkpoint has
 * forced their files, directories and the index; then it is deleted. When that happens is the
 * {@link CheckpointTiming}'s decision: a background thread ({@code dossier-checkpointer}, started when first
 * needed and stopped by {@link #close}) looks every few milliseconds while sealed journals wait. Another
 * ({@code dossier-metadata}) prepares the spare journal, so that a long checkpoint does not delay it, and
 * refreshes the metadata registries. The writer
 * forces the oldest itself only when four sealed journals wait and the journal has grown to four
 * checkpoints' worth. With {@code inlineCheckpoints} every checkpoint runs at once on the appending thread.
 * Methods other than {@link #close} are called by the writer, holding the store's write lock.
 */
final class Checkpointer implements AutoCloseable {
    private static final long CHECK_EVERY_MILLIS = 5;
    private final StoreLayout layout;
    private final Journal journal;
    private final int interval;
    private final boolean inline;
    private final CheckpointTiming timing = CheckpointTiming.DEFAULT;
    private final CheckpointQueue pending;
    private volatile long lastCommit = System.nanoTime();
    private volatile boolean closing;
    private ScheduledThreadPoolExecutor thread;
    private ExecutorService spareThread;
    private ScheduledFuture<?> check;
    private final SpareJournal spare;
    private Future<?> refreshing;

    Checkpointer(StoreLayout layout, DurableFiles files, Journal journal, JournalApplier applier, IndexLog log,
                 int interval, boolean inline) {
        this.inline = inline;
        this.layout = layout;
        this.journal = journal;
        this.interval = interval;
        this.spare = new SpareJournal(layout, files, log);
        this.pending = new CheckpointQueue(layout, files, applier);
    }

    /** After each commit: prepares a spare journal at half a checkpoint, seals the journal at a whole one. */
    void afterCommit() throws IOException {
        lastCommit = System.nanoTime();
        int size = journal.size();
        if (!inline && size >= interval / 2) {
            spare.prepare(spareThread());
        }
        if (size < interval) {
            return;
        }
        if (pending.size() >= timing.maxWaiting()) {
            if (size < timing.maxWaiting() * interval) {
                return;
            }
            pending.finishDownTo(timing.maxWaiting());
        }
        spare.ready();
        List<Journal.Record> records = journal.sinceCheckpoint();
        var sealed = layout.sealedJournal(records.get(0).entry().position());
        pending.add(new PendingCheckpoint(sealed, journal.seal(sealed, layout.spareJournal()), System.nanoTime()));
        if (inline) {
            pending.finishAll();
        } else {
            checkSoon();
        }
    }

    /** Work on derived metadata that may fail. */
    interface Refresh {
        void run() throws IOException;
    }

    /**
     * Runs {@code refresh} (of derived metadata, which a crash may leave stale) on the background thread that
     * prepares spare journals, or at once with {@code inlineCheckpoints}. A failure there is dropped: the next
     * refresh, the close or the next open writes the metadata again.
     *
     * @return false, starting nothing, when the previous refresh has not finished yet
     */
    boolean refreshLater(Refresh refresh) throws IOException {
        if (inline) {
            refresh.run();
            return true;
        }
        if (refreshing != null && !refreshing.isDone()) {
            return false;
        }
        refreshing = spareThread().submit(() -> {
            refresh.run();
            return null;
        });
        return true;
    }

    /** Schedules a look at the waiting checkpoints, unless one is scheduled. */
    private synchronized void checkSoon() {
        if (check == null && !closing) {
            check = background().schedule(this::check, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * On the background thread: finishes the checkpoints that are due, and looks again soon while any wait.
     * After a failure it stops looking; the next seal, or the close, tries again.
     */
    private void check() {
        boolean failed = false;
        try {
            for (PendingCheckpoint oldest; (oldest = pending.oldest()) != null; ) {
                long now = System.nanoTime();
                var due = timing.due(pending.size(), now - lastCommit, now - oldest.sealedAt(), closing);
                if (due == CheckpointTiming.Due.NOT_YET) {
                    break;
                }
                pending.finish(oldest, due == CheckpointTiming.Due.AT_ONCE);
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
        }
        synchronized (this) {
            check = null;
            if (!failed && pending.size() > 0) {
                checkSoon();
            }
        }
    }

    /**
     * Stops the thread (a checkpoint it is running forces the rest at once) and finishes what it left, on the
     * calling thread. Afterwards no sealed journal of this process remains (unless forcing fails: then it
     * throws and the next open finishes the work). The store may go on appending afterwards (a pack drains).
     */
    void drain() throws IOException {
        stopThread();
        try {
            pending.finishAll();
            spare.discard();
        } finally {
            closing = false;
        }
    }

    private ScheduledThreadPoolExecutor background() {
        if (thread == null) {
            thread = new ScheduledThreadPoolExecutor(1, task -> daemon(task, "dossier-checkpointer"));
            thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        return thread;
    }

    private ExecutorService spareThread() {
        if (spareThread == null) {
            spareThread = Executors.newSingleThreadExecutor(task -> daemon(task, "dossier-metadata"));
        }
        return spareThread;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Lets the threads finish their work and end; a checkpoint running then forces the rest at once. Never
     * interrupts them: an interrupt during a force would close the index's shared channel. An interrupt of
     * the caller is kept for after the wait.
     */
    private void stopThread() {
        closing = true;
        boolean interrupted = stop(thread) | stop(spareThread);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        spareThread = null;
        refreshing = null;
        spare.forget();
        synchronized (this) {
            check = null;
        }
    }

    /** Shuts {@code executor} down and waits until it has ended; returns whether the wait was interrupted. */
    private static boolean stop(ExecutorService executor) {
        if (executor == null) {
            return false;
        }
        executor.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    return interrupted;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    @Override
    public void close() {
        stopThread();
    }
}
