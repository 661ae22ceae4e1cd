package dev.dossier.infrastructure.common;

import java.nio.ByteBuffer;

/**
 * The fields of {@value #SIZE} consecutive index entries, column by column in primitive arrays: 48 bytes an
 * entry and no object per entry, so that a million entries are quick to add and cheap to hold. A stamp is
 * kept as its millisecond times 1,000 plus its sequence, which orders as the stamps do. Not thread-safe:
 * the index's lock guards it.
 */
final class EntryChunk {
    static final int SHIFT = 12;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;

    private final long[] stamps = new long[SIZE];
    private final int[] streams = new int[SIZE];
    private final int[] versions = new int[SIZE];
    private final int[] types = new int[SIZE];
    private final int[] schemas = new int[SIZE];
    private final long[] idHigh = new long[SIZE];
    private final long[] idLow = new long[SIZE];
    private final long[] bytes = new long[SIZE];

    /** Sets slot {@code slot} to {@code entry}, whose stream and event type have the numbers given. */
    void set(int slot, IndexEntry entry, int stream, int type) {
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
        var chunk = new EntryChunk();
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
