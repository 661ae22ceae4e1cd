package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The sealed journals of this process that wait for their checkpoint, oldest first. Finishing one forces
 * what it protects and then deletes it; one at a time, whether the background thread or the writer does it.
 */
final class CheckpointQueue {
    private final StoreLayout layout;
    private final DurableFiles files;
    private final JournalApplier applier;
    private final ConcurrentLinkedQueue<PendingCheckpoint> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock forcing = new ReentrantLock();

    CheckpointQueue(StoreLayout layout, DurableFiles files, JournalApplier applier) {
        this.layout = layout;
        this.files = files;
        this.applier = applier;
    }

    void add(PendingCheckpoint sealed) {
        pending.add(sealed);
    }

    int size() {
        return pending.size();
    }

    /** The oldest waiting checkpoint, or null when none waits. */
    PendingCheckpoint oldest() {
        return pending.peek();
    }

    /**
     * Forces what {@code oldest} protects and deletes it, unless another thread finished it first. A sealed
     * journal that is gone was finished by another process opening the store (which forces everything it
     * finds, and may then pack those events), so it is dropped.
     *
     * @param atOnce whether to force many files at once from now on, or still one after another
     */
    void finish(PendingCheckpoint oldest, BooleanSupplier atOnce) throws IOException {
        forcing.lock();
        try {
            if (pending.peek() != oldest) {
                return;
            }
            if (Files.exists(oldest.path(), LinkOption.NOFOLLOW_LINKS)) {
                try {
                    applier.force(oldest.forceList(applier), atOnce);
                } catch (NoSuchFileException e) {
                    if (Files.exists(oldest.path(), LinkOption.NOFOLLOW_LINKS)) {
                        throw e;
                    }
                }
                Files.deleteIfExists(oldest.path());
                files.syncDirectory(layout.metadata());
            }
            pending.poll();
        } finally {
            forcing.unlock();
        }
    }

    /** Finishes every waiting checkpoint at once, oldest first; stops at the first failure. */
    void finishAll() throws IOException {
        for (PendingCheckpoint oldest; (oldest = pending.peek()) != null; ) {
            finish(oldest, () -> true);
        }
    }

    /** Finishes the oldest while more than {@code max - 1} wait. */
    void finishDownTo(int max) throws IOException {
        for (PendingCheckpoint oldest; pending.size() >= max && (oldest = pending.peek()) != null; ) {
            finish(oldest, () -> true);
        }
    }
}
