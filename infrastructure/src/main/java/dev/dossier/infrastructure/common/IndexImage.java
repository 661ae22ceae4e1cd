package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A copy of an index's entries that can be written out and loaded again without reading the index lines:
 * the streams and event types by number (in the order the index first saw them), and the entries in
 * chunks of {@value #CHUNK_ENTRIES}, each chunk's fields column by column as big-endian numbers (stamps as
 * millisecond times 1,000 plus sequence, stream and event type numbers, schema versions, the event ids'
 * high and low halves, sizes: 44 bytes an entry). Every chunk but the last is full. Taken by {@link
 * StoreIndex#image()} (or streamed by {@link StoreIndex#image(Sink)}), loaded by {@link StoreIndex#loaded(IndexImage)}.
 *
 * @param events how many entries: positions 1 to {@code events}
 */
public record IndexImage(long events, List<StreamId> streams, List<EventType> types, List<byte[]> chunks) {
    public static final int CHUNK_ENTRIES = EntryChunk.SIZE;

    /** Receives an image as {@link StoreIndex#image(Sink)} takes it: the counts and names, then each chunk in order. */
    public interface Sink {
        void start(long events, List<StreamId> streams, List<EventType> types);

        /** The next chunk's bytes: a heap buffer whose array holds exactly them, reused once the call returns. */
        void chunk(ByteBuffer bytes);
    }

    public IndexImage {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(chunks, "chunks");
        if (events < 0 || events > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an index image holds 0 to " + Integer.MAX_VALUE + " events, not " + events);
        }
        long expectedChunks = chunkCount(events);
        if (chunks.size() != expectedChunks) {
            throw new IllegalArgumentException(events + " events take " + expectedChunks + " chunks, not " + chunks.size());
        }
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).length != chunkBytes(events, i)) {
                throw new IllegalArgumentException("chunk " + i + " has " + chunks.get(i).length + " bytes, not "
                        + chunkBytes(events, i));
            }
        }
    }

    /** How many chunks an image of {@code events} has. */
    public static int chunkCount(long events) {
        return (int) ((events + CHUNK_ENTRIES - 1) / CHUNK_ENTRIES);
    }

    /** How many entries chunk {@code chunk} of an image of {@code events} holds. */
    public static int chunkEntries(long events, int chunk) {
        return (int) Math.min(CHUNK_ENTRIES, events - (long) chunk * CHUNK_ENTRIES);
    }

    /** How many bytes chunk {@code chunk} of an image of {@code events} takes. */
    public static int chunkBytes(long events, int chunk) {
        return EntryChunk.imageBytes(chunkEntries(events, chunk));
    }
}
