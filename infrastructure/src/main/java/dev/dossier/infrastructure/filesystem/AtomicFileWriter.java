package dev.dossier.infrastructure.filesystem;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Writes a file atomically: under a temporary name ({@code .tmp-*}) in its final directory, forced when
 * asked, then renamed over the target with the permissions of the file it replaces, so that a reader sees
 * either the old file (or none) or the whole new one. When a write fails, its temporary file is deleted if
 * it can be (else {@link #removeTemporaries} removes it later) and the failure is thrown as it was.
 */
final class AtomicFileWriter {
    private final FileAttribute<?>[] fileAttributes;

    /** A writer that creates its files with {@code fileAttributes}. */
    AtomicFileWriter(FileAttribute<?>[] fileAttributes) {
        this.fileAttributes = fileAttributes;
    }

    /**
     * Writes {@code bytes} to {@code target} atomically (replacing any file there), {@code step} bytes at a
     * time (all at once when not positive), forcing each step when {@code force} and pausing
     * {@code pauseMillis} after each; once {@code hurry} says so, the rest is written at once.
     *
     * @throws IOException also when the thread is interrupted during a pause (its interrupt flag set again)
     */
    void write(Path target, byte[] bytes, boolean force, int step, long pauseMillis, BooleanSupplier hurry)
            throws IOException {
        replace(target, channel -> {
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
        });
    }

    /** Writes a file's contents to a stream. */
    interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Like {@link #write}, never forced, for a file that {@code body} writes through a buffered stream: a
     * large derived file is never held in memory whole.
     */
    void writeStreamed(Path target, StreamBody body) throws IOException {
        replace(target, channel -> {
            try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                body.write(out);
            }
        });
    }

    private interface ChannelBody {
        void write(FileChannel channel) throws IOException;
    }

    /** Has {@code body} write a new temporary file beside {@code target}, then renames it over the target. */
    private void replace(Path target, ChannelBody body) throws IOException {
        Path temp = target.resolveSibling(StoreLayout.TEMP_PREFIX + UUID.randomUUID() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileAttributes)) {
                body.write(channel);
            }
            StorePermissions.keep(target, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
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
