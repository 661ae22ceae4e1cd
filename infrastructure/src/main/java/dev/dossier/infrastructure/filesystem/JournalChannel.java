package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The open file of a {@link Journal} and where its parts end: the committed records, the data after them
 * (up to the first zero byte) and the preallocated zeros. It knows the file's identity and opens the file
 * again when a checkpoint (of any process) replaced it, and it writes, forces and cuts the bytes; what the
 * bytes mean is the journal's business. Use only while holding the store's write lock.
 */
final class JournalChannel implements AutoCloseable {
    private static final int GROW_BYTES = 1 << 20;

    private final Path path;
    private final DurableFiles files;
    private final Runnable onOpen;
    private FileChannel channel;
    private Object fileKey;
    private long committedEnd;
    private long dataEnd;
    private long allocatedEnd;
    private boolean consistent = true;

    /** @param onOpen runs whenever a journal file is opened, before it is read: what was known of the last is stale */
    JournalChannel(Path path, DurableFiles files, Runnable onOpen) {
        this.path = path;
        this.files = files;
        this.onOpen = onOpen;
    }

    /** Where the committed records end. */
    long committedEnd() {
        return committedEnd;
    }

    /** The bytes after the committed end up to the first zero byte (the preallocated rest) or the end of the file. */
    byte[] readAfterCommitted() throws IOException {
        reopenIfReplaced();
        JournalFiles.Data data = JournalFiles.dataAfter(channel, committedEnd, Long.MAX_VALUE);
        byte[] bytes = data.bytes();
        if (data.toEnd()) {
            allocatedEnd = committedEnd + bytes.length; // nothing preallocated (another process cut the zeros off)
        } else if (bytes.length > 0) {
            allocatedEnd = channel.size(); // another process wrote, and may have preallocated more
        }
        dataEnd = committedEnd + bytes.length;
        return bytes;
    }

    /** Counts the first {@code bytes} bytes after the committed end as committed. */
    void committed(int bytes) {
        committedEnd += bytes;
    }

    /** Zeroes whatever data follows the committed end (see {@link Journal#cutUncommitted}). */
    void cutUncommitted() throws IOException {
        if (dataEnd > committedEnd) {
            ByteBuffer zeros = ByteBuffer.allocate(Math.toIntExact(dataEnd - committedEnd));
            while (zeros.hasRemaining()) {
                channel.write(zeros, committedEnd + zeros.position());
            }
            if (files.syncs()) {
                channel.force(true);
            }
            dataEnd = committedEnd;
        }
    }

    /** Truncates the file at the committed end, preallocated zeros included (see {@link Journal#cutAfterCommitted}). */
    void cutAfterCommitted() throws IOException {
        reopenIfReplaced();
        if (channel.size() > committedEnd) {
            channel.truncate(committedEnd);
            if (files.syncs()) {
                channel.force(true);
            }
        }
        allocatedEnd = committedEnd;
        dataEnd = committedEnd;
    }

    /**
     * Writes the first {@code length} bytes of {@code records} at the committed end and forces them
     * (preallocating more zeros when they do not fit); they are committed then. On failure the file is cut
     * back to the committed end.
     *
     * @throws IOException when the records could not be made durable; nothing of them is committed then,
     *         unless the cut back failed too ({@link #isConsistent()} is false)
     */
    void commit(byte[] records, int length) throws IOException {
        long start = committedEnd;
        boolean grows = files.syncs() && start + length > allocatedEnd;
        ByteBuffer buffer = ByteBuffer.wrap(records, 0, length);
        if (grows) {
            buffer = ByteBuffer.allocate(length + GROW_BYTES).put(buffer).clear();
        }
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, start + buffer.position());
            }
            if (files.syncs()) {
                channel.force(grows);
            }
        } catch (IOException | RuntimeException e) {
            consistent = false;
            channel.truncate(start);
            if (files.syncs()) {
                channel.force(true);
            }
            allocatedEnd = start;
            dataEnd = start;
            consistent = true;
            throw e;
        }
        if (grows) {
            allocatedEnd = start + buffer.limit();
        }
        committedEnd = start + length;
        dataEnd = committedEnd;
    }

    /** False when a failed commit could not be cut back: whether it committed is known only after reopening. */
    boolean isConsistent() {
        return consistent;
    }

    /** The journal is replaced by each checkpoint (of any process); the identity tells whether it was. */
    private void reopenIfReplaced() throws IOException {
        Object key;
        try {
            key = JournalFiles.identity(path);
        } catch (NoSuchFileException e) {
            JournalFiles.createIfSealedAway(path, files);
            key = JournalFiles.identity(path);
        }
        if (channel != null && channel.isOpen() && Objects.equals(key, fileKey)) {
            return;
        }
        close();
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw new CorruptDataException(path.toString(), "the journal is missing");
        }
        fileKey = key;
        onOpen.run();
        committedEnd = JournalFiles.headerLength(channel, path);
        dataEnd = committedEnd;
        allocatedEnd = channel.size();
    }

    /** Closes the file; the next read or cut opens it again. */
    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
