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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The write-ahead journal {@code metadata/journal.jsonl}: the commit point of every append. One line per
 * event carries its index fields and the whole event file; the last line of a batch carries the commit
 * mark. A commit forces this one file; event files and index lines are written afterwards without forcing
 * and become durable at the next checkpoint, which forces them and starts a new, empty journal. Until then
 * the journal can redo them after a crash. Use only while holding the store's write lock.
 *
 * <p>When syncing, the file is preallocated (zero bytes after the last record): a commit then overwrites
 * blocks the file already owns, so forcing it needs no file-system metadata update. The records end at
 * the first zero byte. A checkpoint that runs in the background first seals the journal (renames it to
 * {@code journal-<position>.jsonl}, see {@link JournalSegments}) and carries on in a spare, preallocated
 * journal.
 */
final class Journal implements AutoCloseable {
    private static final int GROW_BYTES = 1 << 20;
    private static final int READ_CHUNK = 4 * 1024;
    private static final byte[] NO_BYTES = new byte[0];

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
    private long dataEnd;
    private long allocatedEnd;
    private boolean consistent = true;
    private boolean nameUnsynced;

    Journal(Path path, DurableFiles files) {
        this.path = path;
        this.files = files;
    }

    /** Records committed since the last call (by any process), after cutting an uncommitted tail. */
    List<Record> readCommitted() throws IOException {
        reopenIfReplaced();
        byte[] bytes = readData();
        dataEnd = committedEnd + bytes.length;
        if (bytes.length == 0) {
            return List.of();
        }
        CommittedLines read = CommittedLines.read(codec, bytes, bytes.length, path.toString(), committedEnd);
        var committed = new ArrayList<Record>(read.lines().size());
        for (IndexLineCodec.Line line : read.lines()) {
            committed.add(new Record(line.entry(), line.commit(), line.file().getBytes(StandardCharsets.UTF_8)));
        }
        committedEnd += read.consumed();
        committed.forEach(this::remember);
        return committed;
    }

    /** The bytes from the committed end up to the first zero byte (the preallocated rest) or the end. */
    private byte[] readData() throws IOException {
        allocatedEnd = channel.size();
        var out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
        long at = committedEnd;
        while (at < allocatedEnd) {
            buffer.clear();
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            int zero = JournalFiles.firstZero(buffer.array(), n);
            out.write(buffer.array(), 0, zero);
            if (zero < n) {
                break;
            }
            at += n;
        }
        return out.toByteArray();
    }

    /** Cuts whatever follows the last committed record (a torn append of a crashed writer): zeroes it. */
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

    /**
     * Cuts the file right after the last committed record, preallocated zeros included: at open, after a
     * power cut, the preallocated part may hold bytes of an append that never committed, written out of
     * order, which a later, shorter append must not bring back. The next append preallocates again.
     */
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
                codec.write(out, record.entry(), i == batch.size() - 1, record.file());
            }
        }
        syncName();
        long start = committedEnd;
        int length = out.size();
        boolean grows = files.syncs() && start + length > allocatedEnd;
        if (grows) {
            out.write(new byte[GROW_BYTES]);
        }
        ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
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
        batches.forEach(batch -> batch.forEach(this::remember));
    }

    /** False when a failed append could not be cut back: whether it committed is known only after reopening. */
    boolean isConsistent() {
        return consistent;
    }

    /** Keeps what a checkpoint needs of a record (its entry and commit mark), not its bytes. */
    private void remember(Record record) {
        sinceCheckpoint.add(new Record(record.entry(), record.commit(), NO_BYTES));
    }

    /** Records committed since the last checkpoint, in order, without their files' bytes. */
    List<Record> sinceCheckpoint() {
        return List.copyOf(sinceCheckpoint);
    }

    /** How many records the journal holds since the last checkpoint. */
    int size() {
        return sinceCheckpoint.size();
    }

    /**
     * Starts a new, empty journal after a checkpoint made everything up to {@code lastPosition} durable
     * elsewhere. The new journal replaces the old one atomically.
     */
    void reset(long lastPosition) throws IOException {
        files.writeAtomically(path, JournalFiles.empty(lastPosition));
        files.syncDirectory(path.getParent());
        sinceCheckpoint.clear();
        closeChannel();
    }

    /**
     * Seals this journal under {@code sealed} and carries on in {@code spare} (a file {@link #spare} made),
     * which becomes the journal. If the spare cannot take the journal's name and the sealed journal cannot
     * get it back either, the journal stays sealed and the next read creates an empty one. Returns the records the sealed journal protects; they stay protected until
     * a checkpoint has forced them and deleted the sealed file.
     */
    List<Record> seal(Path sealed, Path spare) throws IOException {
        List<Record> records = List.copyOf(sinceCheckpoint);
        Files.move(path, sealed, StandardCopyOption.ATOMIC_MOVE);
        try {
            files.syncDirectory(path.getParent());
            Files.move(spare, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (moveBack(sealed)) {
                throw e;
            }
        }
        sinceCheckpoint.clear();
        closeChannel();
        nameUnsynced = true;
        try {
            syncName();
        } catch (IOException e) {
            // The next append syncs the directory before it writes anything.
        }
        return records;
    }

    /** Undoes the first step of a seal; false when that fails too (the journal stays sealed, see reopen). */
    private boolean moveBack(Path sealed) {
        try {
            Files.move(sealed, path, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Makes a seal's renames durable before anything is committed to the journal that took over the name. */
    private void syncName() throws IOException {
        if (nameUnsynced) {
            files.syncDirectory(path.getParent());
            nameUnsynced = false;
        }
    }

    /** The journal is replaced by each checkpoint (of any process); the identity tells whether it was. */
    private void reopenIfReplaced() throws IOException {
        if (path.getFileName().toString().equals(StoreLayout.JOURNAL) && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                && JournalSegments.anySealed(path.getParent())) {
            JournalFiles.createIfMissing(path, files, -1);
        }
        Object key = JournalFiles.identity(path);
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
        committedEnd = JournalFiles.headerLength(channel, path);
        dataEnd = committedEnd;
        allocatedEnd = channel.size();
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
