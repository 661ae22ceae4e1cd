package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.IndexEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 *
 * <p>This class keeps the records: their lines, and what a checkpoint needs of them. The open file and its
 * positions are a {@link JournalChannel}'s; the renames of a seal are a {@link JournalSealer}'s.
 */
final class Journal implements AutoCloseable {
    private static final byte[] NO_BYTES = new byte[0];

    /** One committed event: its index entry, whether it ends a batch, and its file's bytes. */
    record Record(IndexEntry entry, boolean commit, byte[] file) {
    }

    private final Path path;
    private final DurableFiles files;
    private final IndexLineCodec codec = new IndexLineCodec();
    private final List<Record> sinceCheckpoint = new ArrayList<>();
    private final JournalChannel channel;
    private final JournalSealer sealer;

    Journal(Path path, DurableFiles files) {
        this.path = path;
        this.files = files;
        this.channel = new JournalChannel(path, files, sinceCheckpoint::clear);
        this.sealer = new JournalSealer(path, files);
    }

    /** Records committed since the last call (by any process), after cutting an uncommitted tail. */
    List<Record> readCommitted() throws IOException {
        byte[] bytes = channel.readAfterCommitted();
        if (bytes.length == 0) {
            return List.of();
        }
        CommittedLines read = CommittedLines.read(codec, bytes, bytes.length, path.toString(), channel.committedEnd());
        var committed = new ArrayList<Record>(read.lines().size());
        for (IndexLineCodec.Line line : read.lines()) {
            committed.add(new Record(line.entry(), line.commit(), line.file().getBytes(StandardCharsets.UTF_8)));
        }
        channel.committed(read.consumed());
        committed.forEach(this::remember);
        return committed;
    }

    /** Cuts whatever follows the last committed record (a torn append of a crashed writer): zeroes it. */
    void cutUncommitted() throws IOException {
        channel.cutUncommitted();
    }

    /**
     * Cuts the file right after the last committed record, preallocated zeros included: at open, after a
     * power cut, the preallocated part may hold bytes of an append that never committed, written out of
     * order, which a later, shorter append must not bring back. The next append preallocates again.
     */
    void cutAfterCommitted() throws IOException {
        channel.cutAfterCommitted();
    }

    /**
     * Appends a group's records and forces them: the commit point. On failure the journal is cut back.
     *
     * @throws IOException when the records could not be made durable; nothing of them is committed then,
     *         unless the cut back failed too ({@link #isConsistent()} is false: the caller must stop writing)
     */
    void append(List<List<Record>> batches) throws IOException {
        int capacity = 0;
        for (List<Record> batch : batches) {
            for (Record record : batch) {
                capacity += 256 + record.file().length + record.file().length / 4;
            }
        }
        var out = new LineBuffer(capacity);
        for (List<Record> batch : batches) {
            for (int i = 0; i < batch.size(); i++) {
                Record record = batch.get(i);
                codec.write(out, record.entry(), i == batch.size() - 1, record.file());
            }
        }
        sealer.syncRenames();
        channel.commit(out.array(), out.size());
        batches.forEach(batch -> batch.forEach(this::remember));
    }

    /** False when a failed append could not be cut back: whether it committed is known only after reopening. */
    boolean isConsistent() {
        return channel.isConsistent();
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
        channel.close();
    }

    /**
     * Seals this journal under {@code sealed} and carries on in {@code spare} (a file {@link JournalFiles#spare}
     * made), which becomes the journal. If the spare cannot take the journal's name and the sealed journal
     * cannot get it back either, the journal stays sealed and the next read creates an empty one. Returns the
     * records the sealed journal protects; they stay protected until a checkpoint has forced them and deleted
     * the sealed file.
     */
    List<Record> seal(Path sealed, Path spare) throws IOException {
        List<Record> records = List.copyOf(sinceCheckpoint);
        sealer.seal(sealed, spare);
        sinceCheckpoint.clear();
        channel.close();
        sealer.afterSeal();
        return records;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
