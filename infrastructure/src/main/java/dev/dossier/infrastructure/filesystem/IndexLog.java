package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.StoreUnavailableException;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.StoreIndex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * The commit log {@code metadata/event-index.jsonl}: one line per committed event, in global order. An
 * append is committed when the line that carries its commit mark is in this file (and forced, when
 * syncing). Readers consume lines only up to the last commit mark, so they never see part of a batch;
 * a torn tail left by a crash is ignored by readers and cut off by the next writer.
 */
final class IndexLog implements AutoCloseable {
    /**
     * How much of the index a refresh reads at a time (more when one commit's lines are longer), through one
     * array reused for every chunk: opening a store of a million events without its index cache reads 150 MB
     * of lines, and took 1.7 to 1.8 s in a fresh JVM in 1 MB chunks against 2.1 to 2.3 s in chunks of 8 MB,
     * whose buffer and lists of entries do not stay in the processor's cache.
     */
    private static final int CHUNK_BYTES = 1 << 20;

    private final FileChannel channel;
    private final String name;
    private final IndexLineCodec codec = new IndexLineCodec();
    private final StoreIndex index;
    private final int chunkBytes;
    /** The checksum of the file's first {@link #committedEnd} bytes. */
    private final IndexChecksum checksum;
    private long committedEnd;
    private boolean consistent = true;
    /** False once lines read or appended could not all be added: the index may hold less than {@link #committedEnd}. */
    private boolean indexComplete = true;

    IndexLog(FileChannel channel, String name, StoreIndex index) {
        this(channel, name, index, CHUNK_BYTES);
    }

    /** @param chunkBytes how much a refresh reads at a time, at first (tests read in small pieces) */
    IndexLog(FileChannel channel, String name, StoreIndex index, int chunkBytes) {
        this(channel, name, index, chunkBytes, 0, new IndexChecksum());
    }

    /**
     * A log whose {@code index} already holds the entries of the file's first {@code committedEnd} bytes
     * (read from the index cache), which ends with a commit mark and whose checksum so far is {@code checksum}.
     */
    IndexLog(FileChannel channel, String name, StoreIndex index, long committedEnd, IndexChecksum checksum) {
        this(channel, name, index, CHUNK_BYTES, committedEnd, checksum);
    }

    private IndexLog(FileChannel channel, String name, StoreIndex index, int chunkBytes, long committedEnd,
                     IndexChecksum checksum) {
        this.channel = channel;
        this.name = name;
        this.index = index;
        this.chunkBytes = chunkBytes;
        this.committedEnd = committedEnd;
        this.checksum = checksum;
    }

    /** Describes what a log has read: for the index cache. */
    interface CommittedBody {
        /**
         * @param indexBytes the length of the committed part of the file that {@code index} holds
         * @param checksum   the {@link IndexChecksum} of that part
         */
        void write(long indexBytes, String checksum, StoreIndex index) throws IOException;
    }

    /**
     * Runs {@code body} on the index and the committed part of the file it holds, while nothing is added;
     * returns false, without running it, once adding read or appended lines to the index has failed (the
     * index may then hold less than that part).
     */
    synchronized boolean describe(CommittedBody body) throws IOException {
        if (!indexComplete) {
            return false;
        }
        body.write(committedEnd, checksum.hex(), index);
        return true;
    }

    /**
     * Adds the entries committed since the last call (by any process) to the index. Reading and adding
     * happen under one monitor, so the index always holds a gapless prefix of the log.
     *
     * @throws CorruptDataException when a committed line cannot be read or leaves a gap
     * @throws StoreUnavailableException when the file shrank below what was already read (another process
     *         cut back a failed commit this instance had seen); reading or writing on would corrupt the index
     */
    synchronized void refresh() throws IOException {
        refreshTo(channel.size());
    }

    private void refreshTo(long size) throws IOException {
        if (size < committedEnd) {
            throw new StoreUnavailableException("The index " + name + " is shorter (" + size + " bytes) than what this"
                    + " store instance has already read (" + committedEnd + " bytes): another process cut back a commit"
                    + " whose force failed after this one had seen it. Close and reopen the store.");
        }
        int chunk = chunkBytes;
        byte[] bytes = new byte[(int) Math.min(size - committedEnd, chunk)];
        while (committedEnd < size) {
            long from = committedEnd;
            int want = (int) Math.min(size - from, chunk);
            if (bytes.length < want) {
                bytes = new byte[want];
            }
            addAll(parseCommitted(bytes, ChannelReads.readAt(channel, from, bytes, want)));
            if (committedEnd == from) {
                if (from + want >= size) {
                    return;
                }
                chunk = Math.multiplyExact(chunk, 2);
            }
        }
    }

    private void addAll(List<IndexEntry> entries) {
        int added;
        try {
            added = index.addAll(entries);
        } catch (IllegalStateException e) {
            indexComplete = false;
            throw new CorruptDataException(name, e.getMessage());
        }
        if (added < entries.size()) {
            indexComplete = false;
            throw new CorruptDataException(name, "entry at position " + entries.get(added).position()
                    + ": the position was already committed by an earlier line");
        }
    }

    private List<IndexEntry> parseCommitted(byte[] bytes, int length) {
        CommittedLines read = CommittedLines.read(codec, bytes, length, name, committedEnd);
        checksum.update(bytes, 0, read.consumed());
        committedEnd += read.consumed();
        return read.lines().stream().map(IndexLineCodec.Line::entry).toList();
    }

    /**
     * A writer's catch-up, holding the store's write lock: {@link #refresh()}, then cuts off what follows the
     * last commit mark (a torn write of a crashed writer), with one look at the file's size for both; the cut
     * is forced when {@code force}.
     */
    synchronized void catchUp(boolean force) throws IOException {
        long size = channel.size();
        refreshTo(size);
        if (size > committedEnd) {
            channel.truncate(committedEnd);
            if (force) {
                channel.force(true);
            }
        }
    }

    /**
     * Appends the lines of one group commit; each inner list is one batch whose last line gets the commit
     * mark; then adds them to the index. On failure the file is cut back to where it was, so nothing of
     * the group stays committed.
     *
     * @throws IOException when writing, forcing or cutting back failed; {@link #isConsistent()} then says
     *         whether the cut back worked
     */
    synchronized void append(List<List<IndexEntry>> batches, boolean sync) throws IOException {
        var out = new LineBuffer(256 * batches.stream().mapToInt(List::size).sum());
        for (List<IndexEntry> batch : batches) {
            for (int i = 0; i < batch.size(); i++) {
                codec.write(out, batch.get(i), i == batch.size() - 1);
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(out.array(), 0, out.size());
        long start = committedEnd;
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, start + buffer.position());
            }
            if (sync) {
                channel.force(false);
            }
        } catch (IOException | RuntimeException e) {
            consistent = false;
            channel.truncate(start);
            if (sync) {
                channel.force(true);
            }
            consistent = true;
            throw e;
        }
        committedEnd = start + buffer.limit();
        checksum.update(out.array(), 0, out.size());
        batches.forEach(this::addAll);
    }

    /** The position of the last committed entry read or written through this log. */
    long lastPosition() {
        return index.lastPosition();
    }

    /** Forces everything appended so far to disk (a checkpoint), when {@code sync}. */
    void force(boolean sync) throws IOException {
        if (sync) {
            channel.force(false);
        }
    }

    /** The length of the committed part of the file as of the last {@link #refresh()}; beyond it lies a torn tail. */
    synchronized long committedEnd() {
        return committedEnd;
    }

    /** False when a failed append could not be cut back: the store must be reopened to know what committed. */
    synchronized boolean isConsistent() {
        return consistent;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
