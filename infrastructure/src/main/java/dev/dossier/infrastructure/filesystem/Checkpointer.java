package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Checkpoints off the append path. When the journal holds a checkpoint's worth of events, the writer seals
 * it and carries on in a spare journal; one background thread ({@code dossier-checkpointer}, started when
 * first needed and stopped by {@link #close}) forces the sealed journal's event files, directories and the
 * index, then deletes the sealed journal. The writer waits only when the journal has grown to four
 * checkpoints' worth while a checkpoint is still running. With {@code inlineCheckpoints} the same steps
 * run on the appending thread. Methods other than {@link #close} are called by the writer, holding the
 * store's write lock.
 */
final class Checkpointer implements AutoCloseable {
    private static final int SPARE_BYTES = 4 << 20;
    private final StoreLayout layout;
    private final DurableFiles files;
    private final Journal journal;
    private final JournalApplier applier;
    private final IndexLog log;
    private final int interval;
    private final boolean inline;
    private final ConcurrentLinkedQueue<JournalSegments.Sealed> pending = new ConcurrentLinkedQueue<>();
    private ExecutorService thread;
    private Future<?> running;
    private Future<?> spare;

    Checkpointer(StoreLayout layout, DurableFiles files, Journal journal, JournalApplier applier, IndexLog log,
                 int interval, boolean inline) {
        this.inline = inline;
        this.layout = layout;
        this.files = files;
        this.journal = journal;
        this.applier = applier;
        this.log = log;
        this.interval = interval;
    }

    /** After each commit: prepares a spare journal at half a checkpoint, seals the journal at a whole one. */
    void afterCommit() throws IOException {
        int size = journal.size();
        if (!inline && size >= interval / 2 && spare == null
                && !Files.exists(layout.spareJournal(), LinkOption.NOFOLLOW_LINKS)) {
            spare = background().submit(() -> {
                JournalFiles.spare(layout.spareJournal(), files, files.syncs() ? SPARE_BYTES : 0, log.lastPosition());
                return null;
            });
        }
        if (size < interval) {
            return;
        }
        if (running != null && !running.isDone()) {
            if (size < 4 * interval) {
                return;
            }
            await(running);
        }
        if (spare != null) {
            await(spare);
            spare = null;
        }
        if (!Files.exists(layout.spareJournal(), LinkOption.NOFOLLOW_LINKS)) {
            JournalFiles.spare(layout.spareJournal(), files, files.syncs() ? SPARE_BYTES : 0, log.lastPosition());
        }
        List<Journal.Record> records = journal.sinceCheckpoint();
        var sealed = layout.sealedJournal(records.get(0).entry().position());
        pending.add(new JournalSegments.Sealed(sealed, journal.seal(sealed, layout.spareJournal())));
        if (inline) {
            finishPending();
        } else {
            running = background().submit(this::finishPending);
        }
    }

    /**
     * Forces what every pending sealed journal protects and deletes it; stops at the first failure. A sealed
     * journal that is gone was finished by another process opening the store (which forces everything it
     * finds, and may then pack those events), so it is dropped.
     */
    private Void finishPending() throws IOException {
        for (JournalSegments.Sealed sealed; (sealed = pending.peek()) != null; ) {
            if (Files.exists(sealed.path(), LinkOption.NOFOLLOW_LINKS)) {
                try {
                    applier.force(sealed.records());
                } catch (NoSuchFileException e) {
                    if (Files.exists(sealed.path(), LinkOption.NOFOLLOW_LINKS)) {
                        throw e;
                    }
                }
                Files.deleteIfExists(sealed.path());
                files.syncDirectory(layout.metadata());
            }
            pending.poll();
        }
        return null;
    }

    /**
     * Waits for the background work and finishes what it left, on the calling thread; then stops the
     * thread. Afterwards no sealed journal of this process remains (unless forcing fails: then it throws
     * and the next open finishes the work).
     */
    void drain() throws IOException {
        stopThread();
        finishPending();
        Files.deleteIfExists(layout.spareJournal());
    }

    private ExecutorService background() {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "dossier-checkpointer");
                t.setDaemon(true);
                return t;
            });
        }
        return thread;
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (ExecutionException e) {
            // A failed checkpoint leaves its sealed journal pending; the next one tries again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a checkpoint", e);
        }
    }

    /**
     * Lets the thread finish its work and end. Never interrupts it: an interrupt during a force would close
     * the index's shared channel. An interrupt of the caller is kept for after the wait.
     */
    private void stopThread() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        running = null;
        spare = null;
    }

    @Override
    public void close() {
        stopThread();
    }
}
