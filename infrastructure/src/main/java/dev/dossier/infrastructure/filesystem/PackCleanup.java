package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Deletes the files an automatic pack replaced on the metadata thread, {@value #SLICE} at a time as the only
 * writer of the store, so that the appending thread does not wait for all of them at once (each deletion can
 * cost a disk read on a large store: 2,000 of them had held one append for 0.7 s on a store of a million
 * events), other work of that thread (a spare journal) runs between slices, and a {@code verify}, which holds
 * the write lock, never sees a file vanish. The last slice forces the directory and clears the pack's intent
 * ({@link PackIntent}) if it is still this pack's. Until then readers already find the events in the pack; a
 * crash leaves the rest to the next open. The writer calls the methods other than {@link #stop}, holding the
 * write lock.
 */
final class PackCleanup {
    static final int SLICE = 16;
    private final FileStoreParts parts;
    /** Runs an action as the only writer of the store (this JVM and other processes), waiting for its turn. */
    private final Consumer<CommitWriter.IoAction> exclusively;
    /** The deletions under way (true once all are done and the intent cleared), or null. */
    private volatile CompletableFuture<Boolean> deleting;
    /** Set while the store closes or packs: the deletions stop at the next slice and the writer finishes them. */
    private volatile boolean stopping;

    PackCleanup(FileStoreParts parts, Consumer<CommitWriter.IoAction> exclusively) {
        this.parts = parts;
        this.exclusively = exclusively;
    }

    /**
     * Starts deleting {@code sources} (not {@code pack}); false, starting nothing, when there is no metadata
     * thread to do it (inline checkpoints, a closed store) or the store is closing. Call only when {@link #idle}.
     */
    boolean deleteLater(Path pack, List<Path> sources, byte[] intent) {
        if (stopping || deleting != null) {
            return false;
        }
        Deque<Path> remaining = new ArrayDeque<>();
        sources.stream().filter(source -> !source.equals(pack)).forEach(remaining::add);
        var done = new CompletableFuture<Boolean>();
        if (!nextSlice(pack.getParent(), remaining, intent, done)) {
            return false;
        }
        deleting = done;
        return true;
    }

    /** Submits the next slice to the metadata thread; false when there is none. */
    private boolean nextSlice(Path directory, Deque<Path> remaining, byte[] intent, CompletableFuture<Boolean> done) {
        return parts.checkpointer().inBackground(() -> {
            if (stopping) {
                done.complete(false);
                return;
            }
            try {
                exclusively.accept(() -> {
                    for (int i = 0; i < SLICE && !remaining.isEmpty(); i++) {
                        Files.deleteIfExists(remaining.poll());
                    }
                    if (remaining.isEmpty()) {
                        parts.files().syncDirectory(directory);
                        PackIntent.clearIf(parts.layout(), parts.files(), intent);
                    }
                });
            } catch (RuntimeException e) {
                done.complete(false);
                return;
            }
            if (remaining.isEmpty()) {
                done.complete(true);
            } else if (!nextSlice(directory, remaining, intent, done)) {
                done.complete(false);
            }
        }) != null;
    }

    /**
     * Whether no deletions run now. Deletions that stopped short (a failure, a close) are finished here
     * ({@link PackIntent#finish}).
     */
    boolean idle() throws IOException {
        CompletableFuture<Boolean> current = deleting;
        if (current == null) {
            return true;
        }
        if (!current.isDone()) {
            return false;
        }
        deleting = null;
        if (!Boolean.TRUE.equals(current.getNow(false))) {
            PackIntent.finish(parts.layout(), parts.files());
        }
        return true;
    }

    /**
     * Stops the deletions at their next slice and waits until they have; call without holding the write lock
     * or leading the commits (a slice waits for both), before a close or a pack. The writer then finishes
     * them ({@link #idle}). {@link #resume} lets later packs delete in the background again.
     */
    void stop() {
        stopping = true;
        CompletableFuture<Boolean> current = deleting;
        if (current != null) {
            try {
                current.get();
            } catch (ExecutionException e) {
                // stopped short: finished by the writer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** After a pack: later automatic packs delete in the background again. */
    void resume() {
        stopping = false;
    }
}
