package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Deletes the files an automatic pack replaced on the metadata thread, so that the appending thread does not
 * wait for them (each deletion can cost a disk read on a large store: 2,000 of them took 0.7 s on a store of a
 * million events). Until they are gone the pack's intent stays ({@link PackIntent}): readers already find the
 * events in the pack, a crash leaves the deletions to the next open, and the writer clears the intent, holding
 * the write lock, once the deletions are done and forced. Used by the writer, holding the write lock.
 */
final class PackCleanup {
    private final FileStoreParts parts;
    /** The deletions under way, or null. */
    private Future<?> deleting;
    /** The intent those deletions finish. */
    private byte[] intent;

    PackCleanup(FileStoreParts parts) {
        this.parts = parts;
    }

    /**
     * Deletes {@code sources} (not {@code pack}) and forces their directory on the metadata thread; false,
     * starting nothing, when there is no such thread (inline checkpoints, or a closed store).
     */
    boolean deleteLater(Path pack, List<Path> sources, byte[] intentBytes) throws IOException {
        settle();
        Future<?> started = parts.checkpointer().inBackground(() -> {
            for (Path source : sources) {
                if (!source.equals(pack)) {
                    Files.deleteIfExists(source);
                }
            }
            parts.files().syncDirectory(pack.getParent());
        });
        if (started == null) {
            return false;
        }
        deleting = started;
        intent = intentBytes;
        return true;
    }

    /** Whether no deletions run now; deletions that have ended are settled ({@link #settle}) first. */
    boolean idle() throws IOException {
        if (deleting != null && deleting.isDone()) {
            settle();
        }
        return deleting == null;
    }

    /**
     * Waits for the deletions under way, if any, and clears their intent; when they failed, finishes the pack
     * here ({@link PackIntent#finish}). An intent another process wrote meanwhile is left alone.
     */
    void settle() throws IOException {
        if (deleting == null) {
            return;
        }
        Future<?> ending = deleting;
        byte[] clearing = intent;
        deleting = null;
        intent = null;
        try {
            ending.get();
            PackIntent.clearIf(parts.layout(), parts.files(), clearing);
        } catch (ExecutionException e) {
            PackIntent.finish(parts.layout(), parts.files());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a pack's deletions", e);
        }
    }
}
