package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads the whole of a stored event or range file, never following a symbolic link, neither the file's
 * own name nor any directory between it and the store's root. Thread-safe.
 */
final class StoredFileReader {
    private final StoreLayout layout;
    private final Set<Path> realDirectories = ConcurrentHashMap.newKeySet();

    StoredFileReader(StoreLayout layout) {
        this.layout = layout;
    }

    /**
     * The file's bytes as they are on disk now, or null when it does not exist.
     *
     * @throws CorruptDataException when the file or one of its directories is a symbolic link, or the file
     *         is too large to read
     * @throws StorageException when it cannot be read
     */
    byte[] read(Path file, Supplier<String> name) {
        refuseLinkedDirectories(file, name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new CorruptDataException(name.get(), "the file is " + size + " bytes, too large to read");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the whole file is in
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw failure(e, name);
        }
    }

    /**
     * The file's bytes from {@code from} (inclusive) to {@code to} (exclusive) as they are on disk now: fewer
     * when the file ends sooner; null when it does not exist.
     *
     * @throws CorruptDataException when the file or one of its directories is a symbolic link
     * @throws StorageException when it cannot be read
     */
    byte[] read(Path file, int from, int to, Supplier<String> name) {
        refuseLinkedDirectories(file, name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate(to - from);
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
                // keep reading until the whole span is in, or the file ends
            }
            return buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw failure(e, name);
        }
    }

    private static RuntimeException failure(IOException e, Supplier<String> name) {
        if (e.getMessage() != null && e.getMessage().contains("symbolic link")) {
            return new CorruptDataException(name.get(), "is a symbolic link; the store never follows links");
        }
        return new StorageException("read " + name.get(), e);
    }

    /**
     * Opening with {@code NOFOLLOW_LINKS} refuses only a link in the last name; a linked aggregate or type
     * directory would still be followed, so those are checked too (once per directory: a directory found to
     * be a real one is remembered).
     */
    private void refuseLinkedDirectories(Path file, Supplier<String> name) {
        for (Path directory = file.getParent(); !directory.equals(layout.root()); directory = directory.getParent()) {
            if (realDirectories.contains(directory)) {
                continue;
            }
            if (Files.isSymbolicLink(directory)) {
                throw new CorruptDataException(name.get(), "its directory " + layout.relative(directory)
                        + " is a symbolic link; the store never follows links");
            }
            if (realDirectories.size() < 1_000_000) {
                realDirectories.add(directory);
            }
        }
    }
}
