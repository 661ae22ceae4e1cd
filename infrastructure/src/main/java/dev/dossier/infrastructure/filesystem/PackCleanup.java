package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Deletes the files an automatic pack replaced on the metadata thread, {@value #SLICE} at a time as the only
 * writer of the store, so that the appending thread does not wait for all of them at once (each deletion can
 * cost a disk read and a discard on a large store: 2,000 of them had held one append for 0.7 s on a store of
 * a million events) and a {@code verify}, which holds the write lock, never sees a file vanish. A slice never
 * waits for the lock: when a commit holds it, the slice is queued again 2 ms later, behind whatever else that
 * thread has to do (a spare journal); when commits keep it from running for {@value #STARVED_MILLIS} ms, the
 * writer deletes a slice itself after a commit. The last slice forces the directory and clears the pack's
 * intent ({@link PackIntent}) if it is still this pack's. Readers already find the events in the pack; a
 * crash leaves the rest to the next open. The writer calls the methods other than {@link #stop} and
 * {@link #resume}, holding the write lock.
 */
final class PackCleanup {
    static final int SLICE = 16;
    static final long STARVED_MILLIS = 100;
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private final FileStoreParts parts;
    /** Runs an action as the only writer of the store if it can now, without waiting; whether it ran. */
    private final Predicate<CommitWriter.IoAction> tryExclusively;
    /** The deletions under way, or null. */
    private volatile Chain chain;
    /** Set while the store packs on demand or closes: the deletions stop at their next slice. */
    private volatile boolean stopping;
    private volatile boolean closed;

    PackCleanup(FileStoreParts parts, Predicate<CommitWriter.IoAction> tryExclusively) {
        this.parts = parts;
        this.tryExclusively = tryExclusively;
    }

    /** The files left to delete; touched only as the only writer of the store. */
    private final class Chain {
        final Deque<Path> remaining = new ArrayDeque<>();
        final Path directory;
        final byte[] intent;
        /** Completed true once all are deleted and the intent cleared, false when stopped short. */
        final CompletableFuture<Boolean> done = new CompletableFuture<>();
        volatile long progressAt = System.nanoTime();

        Chain(Path directory, byte[] intent) {
            this.directory = directory;
            this.intent = intent;
        }

        /** Deletes the next slice; after the last, forces the directory and clears the intent. */
        void slice() throws IOException {
            for (int i = 0; i < SLICE && !remaining.isEmpty(); i++) {
                Files.deleteIfExists(remaining.poll());
            }
            progressAt = System.nanoTime();
            if (remaining.isEmpty() && !done.isDone()) {
                parts.files().syncDirectory(directory);
                PackIntent.clearIf(parts.layout(), parts.files(), intent);
                done.complete(true);
            }
        }
    }

    /**
     * Starts deleting {@code sources} (not {@code pack}); false, starting nothing, when there is no metadata
     * thread to do it (inline checkpoints, a closed store) or the store is packing on demand or closing.
     * Call only when {@link #idle}.
     */
    boolean deleteLater(Path pack, List<Path> sources, byte[] intent) {
        if (stopping || chain != null) {
            return false;
        }
        var started = new Chain(pack.getParent(), intent);
        sources.stream().filter(source -> !source.equals(pack)).forEach(started.remaining::add);
        chain = started;
        if (!queue(started, true)) {
            chain = null;
            return false;
        }
        return true;
    }

    /** Queues a slice on the metadata thread (starting it only for the first); false when there is none. */
    private boolean queue(Chain current, boolean first) {
        try {
            return parts.checkpointer().inBackground(() -> slice(current), first) != null;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void slice(Chain current) {
        try {
            if (current.done.isDone()) {
                return;
            }
            boolean ran = !stopping && tryExclusively.test(current::slice);
            if (!ran && !stopping) {
                LockSupport.parkNanos(RETRY_NANOS);
            }
            if (stopping) {
                current.done.complete(false);
            } else if (!current.done.isDone() && !queue(current, false)) {
                current.done.complete(false);
            }
        } catch (RuntimeException | Error e) {
            current.done.complete(false);
            throw e;
        }
    }

    /** After a commit: when commits have kept the slices from running for a while, deletes one here. */
    void helpIfStarved() throws IOException {
        Chain current = chain;
        if (current != null && !current.done.isDone()
                && System.nanoTime() - current.progressAt > TimeUnit.MILLISECONDS.toNanos(STARVED_MILLIS)) {
            current.slice();
        }
    }

    /** Whether deletions were handed to the background and not yet settled ({@link #idle}). */
    boolean busy() {
        return chain != null;
    }

    /**
     * Whether no deletions run now. Deletions that stopped short (a failure, a pack on demand, a close) are
     * finished here ({@link PackIntent#finish}).
     */
    boolean idle() throws IOException {
        Chain current = chain;
        if (current == null) {
            return true;
        }
        if (!current.done.isDone()) {
            return false;
        }
        chain = null;
        if (!Boolean.TRUE.equals(current.done.getNow(false))) {
            PackIntent.finish(parts.layout(), parts.files());
        }
        return true;
    }

    /** The deletions stop at their next slice, for good when the store closes ({@code forGood}). */
    void stop(boolean forGood) {
        if (forGood) {
            closed = true;
        }
        stopping = true;
    }

    /** After a pack on demand: later automatic packs delete in the background again, unless the store closes. */
    void resume() {
        stopping = closed;
    }
}
