package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.util.List;

/**
 * Checkpoints off the append path. When the journal holds a checkpoint's worth of events and a spare journal
 * is ready, the writer seals it and carries on in the spare. The sealed journal keeps its events safe until its checkpoint has
 * forced their files, directories and the index; then it is deleted. When that happens is the
 * {@link CheckpointTiming}'s decision, taken every few milliseconds on a background thread while sealed
 * journals wait ({@link CheckpointThreads}). A checkpoint forced gently (one file at a time) switches to
 * many files at once as soon as the store closes, a fourth sealed journal waits, or the writer waits for it:
 * the writer forces the oldest itself only when four sealed journals wait and the journal has grown to four
 * checkpoints' worth. With {@code inlineCheckpoints} every checkpoint runs at once on the appending thread.
 * Methods other than {@link #close} are called by the writer, holding the store's write lock.
 */
final class Checkpointer implements AutoCloseable {
    private static final long CHECK_EVERY_MILLIS = 5;
    private static final long AFTER_FAILURE_MILLIS = 1_000;
    private final StoreLayout layout;
    private final Journal journal;
    private final int interval;
    private final boolean inline;
    private final CheckpointTiming timing;
    private final CheckpointQueue pending;
    private final SpareJournal spare;
    private final CheckpointThreads threads = new CheckpointThreads();
    private volatile long lastCommit = System.nanoTime();
    /** Set while the store closes or a pack drains: every checkpoint is due, and runs at once. */
    private volatile boolean draining;
    private volatile boolean writerWaits;

    Checkpointer(StoreLayout layout, DurableFiles files, Journal journal, JournalApplier applier, IndexLog log,
                 int interval, boolean inline, CheckpointTiming timing) {
        this.inline = inline;
        this.layout = layout;
        this.journal = journal;
        this.interval = interval;
        this.timing = timing;
        this.spare = new SpareJournal(layout, files, log);
        this.pending = new CheckpointQueue(layout, files, applier);
    }

    /**
     * After each commit: prepares a spare journal at half a checkpoint, seals the journal at a whole one. A
     * spare still being made is hurried, not waited for: the journal takes more events meanwhile, and is
     * sealed at the first commit after the spare is ready; the writer waits for it only once the journal
     * holds two checkpoints' worth.
     */
    void afterCommit() throws IOException {
        lastCommit = System.nanoTime();
        int size = journal.size();
        if (!inline && size >= interval / 2) {
            threads.onMetadataThread(spare::prepare);
        }
        if (size < interval) {
            return;
        }
        if (pending.size() >= timing.maxWaiting()) {
            if (size < timing.maxWaiting() * interval) {
                return;
            }
            writerWaits = true;
            try {
                pending.finishDownTo(timing.maxWaiting());
            } finally {
                writerWaits = false;
            }
        }
        if (!inline && !timing.seals(size, interval, spare.isReady())) {
            spare.hurry();
            return;
        }
        spare.ready();
        List<Journal.Record> records = journal.sinceCheckpoint();
        var sealed = layout.sealedJournal(records.get(0).entry().position());
        pending.add(new PendingCheckpoint(sealed, journal.seal(sealed, layout.spareJournal()), System.nanoTime()));
        if (inline) {
            pending.finishAll();
        } else {
            threads.checkIn(CHECK_EVERY_MILLIS, this::check);
        }
    }

    /**
     * Runs {@code refresh} (of derived metadata, which a crash may leave stale) on the background thread that
     * prepares spare journals, or at once with {@code inlineCheckpoints} or after the close. A failure there
     * is dropped: the next refresh, the close or the next open writes the metadata again.
     *
     * @return false, starting nothing, when the previous refresh has not finished yet
     */
    boolean refreshLater(CheckpointThreads.Work refresh) throws IOException {
        if (inline) {
            refresh.run();
            return true;
        }
        return threads.refresh(refresh);
    }

    /**
     * On the background thread: finishes the checkpoints that are due, oldest first, and looks again soon
     * while any wait (after a failure, in a second).
     *
     * @return when to look again, in milliseconds; 0 when no sealed journal waits
     */
    private long check() {
        try {
            for (PendingCheckpoint oldest; (oldest = pending.oldest()) != null; ) {
                long now = System.nanoTime();
                var due = timing.due(pending.size(), now - lastCommit, now - oldest.sealedAt(), draining);
                if (due == CheckpointTiming.Due.NOT_YET) {
                    break;
                }
                pending.finish(oldest, this::hurries);
            }
        } catch (IOException | RuntimeException e) {
            return pending.size() > 0 ? AFTER_FAILURE_MILLIS : 0;
        }
        return pending.size() > 0 ? CHECK_EVERY_MILLIS : 0;
    }

    /** Whether a checkpoint under way should force the rest at once. */
    private boolean hurries() {
        return draining || writerWaits || pending.size() >= timing.maxWaiting();
    }

    /**
     * Stops the threads (a checkpoint under way forces the rest at once) and finishes every waiting
     * checkpoint on the calling thread. Afterwards no sealed journal of this process remains (unless forcing
     * fails: then it throws and the next open finishes the work). The store may go on appending afterwards:
     * a pack drains, and keeps the spare journal; a close also deletes it.
     */
    void drain(boolean closing) throws IOException {
        draining = true;
        spare.hurry();
        try {
            threads.stop();
            pending.finishAll();
            spare.forget();
            if (closing) {
                spare.discard();
            }
        } finally {
            draining = false;
        }
    }

    /**
     * Runs {@code work} on the background thread that prepares spare journals (starting it if need be only
     * when {@code start}); null, running nothing, with {@code inlineCheckpoints}, once the threads have
     * stopped (unless {@code start}) or once the store has closed.
     */
    java.util.concurrent.Future<?> inBackground(CheckpointThreads.Work work, boolean start) {
        return inline ? null : threads.runOnMetadataThread(work, start);
    }

    /** Stops the threads for good; nothing starts them again. */
    @Override
    public void close() {
        draining = true;
        spare.hurry();
        threads.close();
        spare.forget();
    }
}
