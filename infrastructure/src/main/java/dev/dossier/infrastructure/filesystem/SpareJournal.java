package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code metadata/journal.spare}: an empty journal, preallocated and forced ahead of time on the background
 * thread, so that sealing the journal only renames files. Used by the writer, holding the write lock.
 */
final class SpareJournal {
    private static final int SPARE_BYTES = 4 << 20;
    private final StoreLayout layout;
    private final DurableFiles files;
    private final IndexLog log;
    private Future<?> making;
    /** Set while the writer waits for the spare being made: the rest is then written at once. */
    private volatile boolean hurry;

    SpareJournal(StoreLayout layout, DurableFiles files, IndexLog log) {
        this.layout = layout;
        this.files = files;
        this.log = log;
    }

    /** Starts making the spare on {@code background}, unless it exists or is being made. */
    void prepare(ExecutorService background) {
        if (making == null && !Files.exists(layout.spareJournal(), LinkOption.NOFOLLOW_LINKS)) {
            hurry = false;
            making = background.submit(() -> {
                JournalFiles.spareGently(layout.spareJournal(), files, files.syncs() ? SPARE_BYTES : 0,
                        log.lastPosition(), () -> hurry);
                return null;
            });
        }
    }

    /**
     * Whether a spare is there, without waiting: one being made counts once it is finished. After a failed
     * attempt this is false until {@link #prepare} has made it again.
     */
    boolean isReady() {
        if (making != null) {
            if (!making.isDone()) {
                return false;
            }
            making = null;
        }
        return Files.exists(layout.spareJournal(), LinkOption.NOFOLLOW_LINKS);
    }

    /** Waits for the spare being made, and makes it here when it is still missing (a failed attempt). */
    void ready() throws IOException {
        if (making != null) {
            hurry = true;
            try {
                making.get();
            } catch (ExecutionException e) {
                // made again below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a spare journal", e);
            } finally {
                making = null;
            }
        }
        if (!Files.exists(layout.spareJournal(), LinkOption.NOFOLLOW_LINKS)) {
            make();
        }
    }

    /** Forgets a spare being made (its thread has stopped) and deletes the file. */
    void discard() throws IOException {
        making = null;
        Files.deleteIfExists(layout.spareJournal());
    }

    /** Asks the spare being made, if any, to write the rest at once. */
    void hurry() {
        hurry = true;
    }

    /** Forgets a spare being made, after its thread has stopped. */
    void forget() {
        making = null;
    }

    private void make() throws IOException {
        JournalFiles.spare(layout.spareJournal(), files, files.syncs() ? SPARE_BYTES : 0, log.lastPosition());
    }
}
