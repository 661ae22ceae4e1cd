package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The renames of a {@link Journal}'s seal: the journal moves to its sealed name and a spare journal takes
 * its place; and the durability of those renames, which must be forced (the directory) before anything is
 * committed to the journal that took over the name. Use only while holding the store's write lock.
 */
final class JournalSealer {
    private final Path path;
    private final DurableFiles files;
    private boolean renamesUnsynced;

    JournalSealer(Path path, DurableFiles files) {
        this.path = path;
        this.files = files;
    }

    /**
     * Renames the journal to {@code sealed} and {@code spare} (given the journal's permissions) to the
     * journal. Returns normally when the journal is sealed, even if the spare could not take its name and
     * the sealed journal could not get it back either (there is no journal then until the next read creates
     * an empty one).
     *
     * @throws IOException when the journal was not sealed, or is back under its name
     */
    void seal(Path sealed, Path spare) throws IOException {
        StorePermissions.keep(path, spare);
        Files.move(path, sealed, StandardCopyOption.ATOMIC_MOVE);
        try {
            files.syncDirectory(path.getParent());
            Files.move(spare, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (moveBack(sealed)) {
                throw e;
            }
        }
    }

    /** Undoes the first step of a seal; false when that fails too (the journal stays sealed). */
    private boolean moveBack(Path sealed) {
        try {
            Files.move(sealed, path, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** After a seal: forces the directory now or, when that fails, at the next {@link #syncRenames}. */
    void afterSeal() {
        renamesUnsynced = true;
        try {
            syncRenames();
        } catch (IOException e) {
            // The next append syncs the directory before it writes anything.
        }
    }

    /** Makes a seal's renames durable, if that is still to do; call before committing anything to the journal. */
    void syncRenames() throws IOException {
        if (renamesUnsynced) {
            files.syncDirectory(path.getParent());
            renamesUnsynced = false;
        }
    }
}
