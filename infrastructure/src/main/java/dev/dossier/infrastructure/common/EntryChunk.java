package dev.dossier.infrastructure.common;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The fields of up to {@value #SIZE} consecutive index entries, column by column in primitive arrays (which
 * grow as they fill): 48 bytes an entry and no object per entry, so that a million entries are quick to
 * add and cheap to hold. A stamp is kept as its millisecond times 1,000 plus its sequence, which orders as
 * the stamps do. Not thread-safe: the index's lock guards it.
 */
final class EntryChunk {
    static final int SHIFT = 12;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;

    /** The room the first chunk starts with: an index of a few events holds a few KB, not 196. */
    static final int FIRST_CAPACITY = 16;

    private long[] stamps;
    private int[] streams;
    private int[] versions;
    private int[] types;
    private int[] schemas;
    private long[] idHigh;
    private long[] idLow;
    private long[] bytes;

    /** A chunk with room for {@code capacity} entries (at most {@value #SIZE}); {@link #set} makes more as needed. */
    EntryChunk(int capacity) {
        allocate(capacity);
    }

    private void allocate(int capacity) {
        stamps = Arrays.copyOf(stamps == null ? new long[0] : stamps, capacity);
        streams = Arrays.copyOf(streams == null ? new int[0] : streams, capacity);
        versions = Arrays.copyOf(versions == null ? new int[0] : versions, capacity);
        types = Arrays.copyOf(types == null ? new int[0] : types, capacity);
        schemas = Arrays.copyOf(schemas == null ? new int[0] : schemas, capacity);
        idHigh = Arrays.copyOf(idHigh == null ? new long[0] : idHigh, capacity);
        idLow = Arrays.copyOf(idLow == null ? new long[0] : idLow, capacity);
        bytes = Arrays.copyOf(bytes == null ? new long[0] : bytes, capacity);
    }

    /**
     * Sets slot {@code slot} (the one after the last set, or an earlier one) to {@code entry}, whose stream
     * and event type have the numbers given.
     */
    void set(int slot, IndexEntry entry, int stream, int type) {
        if (slot >= stamps.length) {
            allocate(Math.min(SIZE, Math.max(slot + 1, stamps.length * 2)));
        }
        stamps[slot] = packed(entry.stamp());
        streams[slot] = stream;
        versions[slot] = Math.toIntExact(entry.version());
        types[slot] = type;
        schemas[slot] = entry.schemaVersion();
        idHigh[slot] = entry.eventId().getMostSignificantBits();
        idLow[slot] = entry.eventId().getLeastSignificantBits();
        bytes[slot] = entry.bytes();
    }

    /** How many bytes {@link #writeTo(ByteBuffer, int)} writes for {@code count} entries: 44 each. */
    static int imageBytes(int count) {
        return count * 44;
    }

    /**
     * Writes the first {@code count} entries column by column (stamps, stream numbers, event type numbers,
     * schema versions, the event ids' high and low halves, sizes; versions are left out: they follow from
     * the order of a stream's entries).
     */
    void writeTo(ByteBuffer out, int count) {
        out.asLongBuffer().put(stamps, 0, count);
        out.position(out.position() + count * 8);
        for (int[] column : new int[][] {streams, types, schemas}) {
            out.asIntBuffer().put(column, 0, count);
            out.position(out.position() + count * 4);
        }
        for (long[] column : new long[][] {idHigh, idLow, bytes}) {
            out.asLongBuffer().put(column, 0, count);
            out.position(out.position() + count * 8);
        }
    }

    /** A chunk of the {@code count} entries {@link #writeTo(ByteBuffer, int)} wrote; their versions are 0 until set. */
    static EntryChunk readFrom(ByteBuffer in, int count) {
        var chunk = new EntryChunk(count);
        in.asLongBuffer().get(chunk.stamps, 0, count);
        in.position(in.position() + count * 8);
        for (int[] column : new int[][] {chunk.streams, chunk.types, chunk.schemas}) {
            in.asIntBuffer().get(column, 0, count);
            in.position(in.position() + count * 4);
        }
        for (long[] column : new long[][] {chunk.idHigh, chunk.idLow, chunk.bytes}) {
            in.asLongBuffer().get(column, 0, count);
            in.position(in.position() + count * 8);
        }
        return chunk;
    }

    void setVersion(int slot, int version) {
        versions[slot] = version;
    }

    /** The stamp in the slot, packed as {@link #packed(EventStamp)} does. */
    long stamp(int slot) {
        return stamps[slot];
    }

    int stream(int slot) {
        return streams[slot];
    }

    int version(int slot) {
        return versions[slot];
    }

    int type(int slot) {
        return types[slot];
    }

    int schema(int slot) {
        return schemas[slot];
    }

    long idHigh(int slot) {
        return idHigh[slot];
    }

    long idLow(int slot) {
        return idLow[slot];
    }

    long bytes(int slot) {
        return bytes[slot];
    }

    /** The stamp as one number that orders as stamps do. */
    static long packed(EventStamp stamp) {
        return stamp.epochMilli() * 1000 + stamp.sequence();
    }

    /** The largest packed stamp: the last millisecond of 9999 with sequence 999. */
    static final long MAX_PACKED = packed(new EventStamp(EventStamp.MAX_MILLI, 999));

    /** The stamp {@link #packed(EventStamp)} gave {@code packed}. */
    static EventStamp unpacked(long packed) {
        return new EventStamp(packed / 1000, (int) (packed % 1000));
    }
}
