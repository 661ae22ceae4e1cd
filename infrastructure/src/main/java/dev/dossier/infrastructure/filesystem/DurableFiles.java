package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Collection;
import java.util.EnumSet;
import java.util.function.BooleanSupplier;

/**
 * Crash-safe file writes: a new file is written under a temporary name in its final directory, forced,
 * and renamed into place, so a reader sees either no file or the whole file. With {@link Durability#SYNC}
 * the file and the directories whose entries changed are forced before anything is acknowledged. The
 * atomic writes are {@link AtomicFileWriter}'s, the directories {@link DirectoryCreator}'s, the permissions
 * {@link StorePermissions}'.
 */
final class DurableFiles {
    private final Durability durability;
    private final FileAttribute<?>[] fileAttributes;
    private final AtomicFileWriter writer;
    private final DirectoryCreator directories;

    DurableFiles(Durability durability, boolean ownerOnly, boolean posix) {
        this.durability = durability;
        var permissions = new StorePermissions(ownerOnly, posix);
        this.fileAttributes = permissions.files();
        this.writer = new AtomicFileWriter(permissions.files());
        this.directories = new DirectoryCreator(permissions.directories());
    }

    boolean syncs() {
        return durability == Durability.SYNC;
    }

    /** As {@link DirectoryCreator#createDirectories}, with the store's permissions. */
    void createDirectories(Path root, Path directory, Collection<Path> changedDirectories) throws IOException {
        directories.createDirectories(root, directory, changedDirectories);
    }

    /** Writes {@code bytes} to {@code target} atomically (replacing any file there); forces the file if syncing. */
    void writeAtomically(Path target, byte[] bytes) throws IOException {
        writer.write(target, bytes, syncs(), bytes.length, 0, () -> true);
    }

    /**
     * Writes derived data (the metadata registries) to {@code target} atomically, never forced: after a power
     * cut the file may be stale or unreadable, and is then rebuilt.
     */
    void writeDerived(Path target, byte[] bytes) throws IOException {
        writer.write(target, bytes, false, bytes.length, 0, () -> true);
    }

    /** Like {@link #writeDerived(Path, byte[])}, for a large file that {@code body} writes through a stream. */
    void writeDerived(Path target, AtomicFileWriter.StreamBody body) throws IOException {
        writer.writeStreamed(target, body);
    }

    /**
     * Like {@link #writeAtomically(Path, byte[])}, but writes (and, if syncing, forces) {@code step} bytes at a
     * time and pauses {@code pauseMillis} after each step: a large file written in the background this way
     * delays the journal's forces a little at a time instead of all at once. Once {@code hurry} says so, the
     * rest is written and forced at once.
     */
    void writeAtomicallyGently(Path target, byte[] bytes, int step, long pauseMillis, BooleanSupplier hurry)
            throws IOException {
        writer.write(target, bytes, syncs(), step, pauseMillis, hurry);
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
}
