package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Crash-safe file writes: a new file is written under a temporary name in its final directory, forced,
 * and renamed into place, so a reader sees either no file or the whole file. With {@link Durability#SYNC}
 * the file and the directories whose entries changed are forced before anything is acknowledged.
 */
final class DurableFiles {
    private final Durability durability;
    private final FileAttribute<?>[] fileAttributes;
    private final FileAttribute<?>[] directoryAttributes;

    DurableFiles(Durability durability, boolean ownerOnly, boolean posix) {
        this.durability = durability;
        boolean restrict = ownerOnly && posix;
        this.fileAttributes = restrict
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        this.directoryAttributes = restrict
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    boolean syncs() {
        return durability == Durability.SYNC;
    }

    /**
     * Creates {@code directory} and any missing parents up to (not including) {@code root}; every directory
     * whose entries changed is added to {@code changedDirectories} so the caller can force it.
     */
    void createDirectories(Path root, Path directory, Collection<Path> changedDirectories) throws IOException {
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path parent = directory.getParent();
        if (!parent.equals(root)) {
            createDirectories(root, parent, changedDirectories);
        }
        try {
            Files.createDirectory(directory, directoryAttributes);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            return;
        }
        changedDirectories.add(parent);
    }

    /** Writes {@code bytes} to {@code target} atomically (replacing any file there); forces the file if syncing. */
    void writeAtomically(Path target, byte[] bytes) throws IOException {
        writeAtomically(target, bytes, syncs(), bytes.length, 0, () -> true);
    }

    /**
     * Writes derived data (the metadata registries) to {@code target} atomically, never forced: after a power
     * cut the file may be stale or unreadable, and is then rebuilt.
     */
    void writeDerived(Path target, byte[] bytes) throws IOException {
        writeAtomically(target, bytes, false, bytes.length, 0, () -> true);
    }

    /**
     * Like {@link #writeAtomically(Path, byte[])}, but writes (and, if syncing, forces) {@code step} bytes at a
     * time and pauses {@code pauseMillis} after each step: a large file written in the background this way
     * delays the journal's forces a little at a time instead of all at once. Once {@code hurry} says so, the
     * rest is written and forced at once.
     */
    void writeAtomicallyGently(Path target, byte[] bytes, int step, long pauseMillis, BooleanSupplier hurry)
            throws IOException {
        writeAtomically(target, bytes, syncs(), step, pauseMillis, hurry);
    }

    private void writeAtomically(Path target, byte[] bytes, boolean force, int step, long pauseMillis,
                                 BooleanSupplier hurry) throws IOException {
        Path temp = target.resolveSibling(StoreLayout.TEMP_PREFIX + UUID.randomUUID() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileAttributes)) {
                int from = 0;
                do {
                    boolean rest = step <= 0 || hurry.getAsBoolean();
                    int length = rest ? bytes.length - from : Math.min(step, bytes.length - from);
                    ByteBuffer buffer = ByteBuffer.wrap(bytes, from, length);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    from = buffer.position();
                    if (force) {
                        channel.force(false);
                    }
                    if (pauseMillis > 0 && from < bytes.length && !hurry.getAsBoolean()) {
                        pause(pauseMillis);
                    }
                } while (from < bytes.length);
            }
            keepPermissions(target, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Gives {@code replacement} the permission bits of the regular file {@code target} it is about to
     * replace, so that a process opening the store with other permission options does not change them. Best
     * effort: for a new file, a file system without POSIX permissions or one that refuses the change, the
     * replacement keeps the permissions it was created with.
     */
    static void keepPermissions(Path target, Path replacement) {
        try {
            PosixFileAttributes existing = Files.readAttributes(target, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (existing.isRegularFile()) {
                Files.setPosixFilePermissions(replacement, existing.permissions());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the replacement keeps the permissions it was created with
        }
    }

    /**
     * Writes {@code bytes} under the final name without forcing: for event files that no reader can see
     * yet (their index line comes later) and that the journal can write again after a crash.
     */
    void writeDirect(Path target, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(target, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), fileAttributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /**
     * Deletes the temporary files ({@code .tmp-*}) an interrupted write left in {@code directory}; returns
     * how many. A missing directory has none.
     */
    static int removeTemporaries(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (var entries = Files.newDirectoryStream(directory, p -> StoreLayout.isTemporary(p.getFileName().toString()))) {
            for (Path temp : entries) {
                if (Files.deleteIfExists(temp)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Forces a file's data to disk, when syncing. */
    void syncFile(Path file) throws IOException {
        if (!syncs()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(false);
        }
    }

    /** Forces the directory's entries (new and renamed files) to disk, when syncing. */
    void syncDirectory(Path directory) throws IOException {
        if (!syncs()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Opens a new empty file with the store's permissions, or the existing one. */
    FileChannel openReadWrite(Path file) throws IOException {
        return FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), fileAttributes);
    }

    /** Deletes the file if it exists; returns false when that failed (recovery removes it later). */
    static boolean deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing a file", e);
        }
    }
}
