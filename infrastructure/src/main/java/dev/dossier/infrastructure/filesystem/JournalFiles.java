package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The journal's file-level parts: its fixed-width header line, creating an empty or a spare (preallocated)
 * journal, telling whether the file was replaced, and finding where its content ends.
 */
final class JournalFiles {
    private static final String HEADER_PREFIX = "{\"journal\":1,\"checkpoint\":";
    private static final int HEADER_WIDTH = 100;
    private static final int READ_CHUNK = 4 * 1024;

    private JournalFiles() {
    }

    /** Creates an empty journal at {@code path} when there is none. Only while holding the write lock. */
    static void createIfMissing(Path path, DurableFiles files, long checkpoint) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            files.writeAtomically(path, header(checkpoint));
            files.syncDirectory(path.getParent());
        }
    }

    /**
     * Creates an empty journal at {@code path} when a seal moved the journal away and no spare took its
     * place (the journal is missing, a sealed journal exists). Only for the live journal, under the write lock.
     */
    static void createIfSealedAway(Path path, DurableFiles files) throws IOException {
        if (path.getFileName().toString().equals(StoreLayout.JOURNAL) && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                && JournalSegments.anySealed(path.getParent())) {
            createIfMissing(path, files, -1);
        }
    }

    /** An empty journal holding just its header, naming {@code checkpoint}. */
    static byte[] empty(long checkpoint) {
        return header(checkpoint);
    }

    /**
     * A preallocated empty journal, written and forced at {@code spare}, ready for {@link Journal#seal}; its header
     * names {@code checkpoint}, the last position when it was made.
     */
    static void spare(Path spare, DurableFiles files, int bytes, long checkpoint) throws IOException {
        files.writeAtomically(spare, spareContent(bytes, checkpoint));
    }

    /**
     * Like {@link #spare}, but written a quarter megabyte at a time with pauses, for the background thread;
     * the rest at once when {@code hurry} says so (the writer waits for it).
     */
    static void spareGently(Path spare, DurableFiles files, int bytes, long checkpoint, BooleanSupplier hurry)
            throws IOException {
        files.writeAtomicallyGently(spare, spareContent(bytes, checkpoint), 256 << 10, 5, hurry);
    }

    private static byte[] spareContent(int bytes, long checkpoint) {
        byte[] content = new byte[Math.max(bytes, HEADER_WIDTH)];
        byte[] header = header(checkpoint);
        System.arraycopy(header, 0, content, 0, header.length);
        return content;
    }

    /** The file key where the file system has one, else the header line (which carries a random id). */
    static Object identity(Path path) throws IOException {
        Object key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        if (key != null) {
            return key;
        }
        byte[] head = new byte[160];
        try (var in = Files.newInputStream(path)) {
            int n = in.readNBytes(head, 0, head.length);
            return new String(head, 0, n, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }

    /**
     * Where the records start: after the header line.
     *
     * @throws CorruptDataException when the file does not start with a header line
     */
    static long headerLength(FileChannel channel, Path path) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_WIDTH + 28);
        channel.read(buffer, 0);
        String head = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        int newline = head.indexOf('\n');
        if (!head.startsWith(HEADER_PREFIX) || newline < 0) {
            throw new CorruptDataException(path.toString(), "the journal does not start with its header line");
        }
        return newline + 1;
    }

    /**
     * The bytes of {@code channel} from {@code from} up to the first zero byte (where the preallocated part
     * starts) or up to {@code end}.
     */
    static byte[] dataBetween(FileChannel channel, long from, long end) throws IOException {
        return dataAfter(channel, from, end).bytes();
    }

    /** Bytes found after a point of a journal, and whether they run to the end of the file (no zero byte after them). */
    record Data(byte[] bytes, boolean toEnd) {
    }

    /** Like {@link #dataBetween}, saying whether the data ran to the end of the file rather than to a zero byte. */
    static Data dataAfter(FileChannel channel, long from, long end) throws IOException {
        var out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
        long at = from;
        while (at < end) {
            buffer.clear();
            int n = channel.read(buffer, at);
            if (n <= 0) {
                return new Data(out.toByteArray(), true);
            }
            int zero = firstZero(buffer.array(), n);
            out.write(buffer.array(), 0, zero);
            if (zero < n) {
                return new Data(out.toByteArray(), false);
            }
            at += n;
        }
        return new Data(out.toByteArray(), false);
    }

    /** The index of the first zero byte, or {@code length}. */
    private static int firstZero(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return length;
    }

    /** The header line, padded with spaces to a fixed width. */
    private static byte[] header(long checkpoint) {
        var text = new StringBuilder(HEADER_PREFIX).append(checkpoint).append(",\"id\":\"")
                .append(java.util.UUID.randomUUID()).append("\"}");
        while (text.length() < HEADER_WIDTH - 1) {
            text.append(' ');
        }
        return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

}
