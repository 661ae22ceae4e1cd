package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.infrastructure.common.IndexEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The write-ahead journal {@code metadata/journal.jsonl}: the commit point of every append. One line per
 * event carries its index fields and the whole event file; the last line of a batch carries the commit
 * mark. A commit forces this one file; event files and index lines are written afterwards without forcing
 * and become durable at the next checkpoint, which forces them and starts a new, empty journal. Until then
 * the journal can redo them after a crash. Use only while holding the store's write lock.
 */
final class Journal implements AutoCloseable {
    private static final String HEADER_PREFIX = "{\"journal\":1,\"checkpoint\":";

    /** One committed event: its index entry, whether it ends a batch, and its file's bytes. */
    record Record(IndexEntry entry, boolean commit, byte[] file) {
    }

    private final Path path;
    private final DurableFiles files;
    private final IndexLineCodec codec = new IndexLineCodec();
    private final List<Record> sinceCheckpoint = new ArrayList<>();
    private FileChannel channel;
    private Object fileKey;
    private long committedEnd;
    private boolean consistent = true;

    Journal(Path path, DurableFiles files) {
        this.path = path;
        this.files = files;
    }

    /** Creates an empty journal at {@code path} when there is none. */
    static void createIfMissing(Path path, DurableFiles files, long checkpoint) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            files.writeAtomically(path, header(checkpoint));
            files.syncDirectory(path.getParent());
        }
    }

    /** Records committed since the last call (by any process), after cutting an uncommitted tail. */
    List<Record> readCommitted() throws IOException {
        reopenIfReplaced();
        long size = channel.size();
        if (size <= committedEnd) {
            return List.of();
        }
        byte[] bytes = new byte[Math.toIntExact(size - committedEnd)];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining() && channel.read(buffer, committedEnd + buffer.position()) >= 0) {
            // read up to the current end
        }
        CommittedLines read = CommittedLines.read(codec, bytes, buffer.position(), path.toString(), committedEnd);
        var committed = new ArrayList<Record>(read.lines().size());
        for (IndexLineCodec.Line line : read.lines()) {
            committed.add(new Record(line.entry(), line.commit(), line.file().getBytes(StandardCharsets.UTF_8)));
        }
        committedEnd += read.consumed();
        sinceCheckpoint.addAll(committed);
        return committed;
    }

    /** Cuts whatever follows the last committed record (a torn append of a crashed writer). */
    void cutUncommitted() throws IOException {
        if (channel.size() > committedEnd) {
            channel.truncate(committedEnd);
            if (files.syncs()) {
                channel.force(true);
            }
        }
    }

    /**
     * Appends a group's records and forces them: the commit point. On failure the journal is cut back.
     *
     * @throws IOException when the records could not be made durable; nothing of them is committed then,
     *         unless the cut back failed too ({@link #isConsistent()} is false: the caller must stop writing)
     */
    void append(List<List<Record>> batches) throws IOException {
        var out = new ByteArrayOutputStream(1024 * batches.size());
        for (List<Record> batch : batches) {
            for (int i = 0; i < batch.size(); i++) {
                Record record = batch.get(i);
                codec.write(out, record.entry(), i == batch.size() - 1,
                        new String(record.file(), StandardCharsets.UTF_8));
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
        long start = committedEnd;
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, start + buffer.position());
            }
            if (files.syncs()) {
                channel.force(false);
            }
        } catch (IOException | RuntimeException e) {
            consistent = false;
            channel.truncate(start);
            if (files.syncs()) {
                channel.force(true);
            }
            consistent = true;
            throw e;
        }
        committedEnd = start + buffer.limit();
        batches.forEach(sinceCheckpoint::addAll);
    }

    /** False when a failed append could not be cut back: whether it committed is known only after reopening. */
    boolean isConsistent() {
        return consistent;
    }

    /** Records committed since the last checkpoint, in order. */
    List<Record> sinceCheckpoint() {
        return List.copyOf(sinceCheckpoint);
    }

    int size() {
        return sinceCheckpoint.size();
    }

    /**
     * Starts a new, empty journal after a checkpoint made everything up to {@code lastPosition} durable
     * elsewhere. The new journal replaces the old one atomically.
     */
    void reset(long lastPosition) throws IOException {
        files.writeAtomically(path, header(lastPosition));
        files.syncDirectory(path.getParent());
        sinceCheckpoint.clear();
        closeChannel();
    }

    /** The journal is replaced by each checkpoint (of any process); the identity tells whether it was. */
    private void reopenIfReplaced() throws IOException {
        Object key = identity();
        if (channel != null && channel.isOpen() && Objects.equals(key, fileKey)) {
            return;
        }
        closeChannel();
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw new CorruptDataException(path.toString(), "the journal is missing");
        }
        fileKey = key;
        sinceCheckpoint.clear();
        committedEnd = headerLength();
    }

    /** The file key where the file system has one, else the header line (which carries a random id). */
    private Object identity() throws IOException {
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

    private long headerLength() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(128);
        channel.read(buffer, 0);
        String head = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        int newline = head.indexOf('\n');
        if (!head.startsWith(HEADER_PREFIX) || newline < 0) {
            throw new CorruptDataException(path.toString(), "the journal does not start with its header line");
        }
        return newline + 1;
    }

    private static byte[] header(long checkpoint) {
        return (HEADER_PREFIX + checkpoint + ",\"id\":\"" + java.util.UUID.randomUUID() + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeChannel();
    }

}
