package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The index's entries in the global order (position 1 first), held column by column in {@link EntryChunk}s,
 * with the lookups by position and by time and the totals over all of them; empty answers (never an
 * exception) when there is nothing. Each answer is a new {@link IndexEntry} built from the columns. Takes
 * what the index adds without checking it. Not thread-safe: the index's lock guards it.
 */
final class GlobalEntries {
    private final NameNumbers<StreamId> streamNames;
    private final NameNumbers<EventType> typeNames;
    private final List<EntryChunk> chunks = new ArrayList<>();
    private int size;
    private long bytes;

    GlobalEntries(NameNumbers<StreamId> streamNames, NameNumbers<EventType> typeNames) {
        this.streamNames = streamNames;
        this.typeNames = typeNames;
    }

    /** Adds {@code entry} as the next position; its stream and event type have the numbers given. */
    void add(IndexEntry entry, int stream, int type) {
        if ((size & EntryChunk.MASK) == 0) {
            // Only the first chunk (and a partial last one loaded from the cache) grows as it fills: a small store
            // stays small, a large one copies little.
            chunks.add(new EntryChunk(chunks.isEmpty() ? EntryChunk.FIRST_CAPACITY : EntryChunk.SIZE));
        }
        chunks.get(size >>> EntryChunk.SHIFT).set(size & EntryChunk.MASK, entry, stream, type);
        size++;
        bytes += entry.bytes();
    }

    /** Adds the {@code count} entries of {@code chunk} as the next positions; the entries before fill whole chunks. */
    void addChunk(EntryChunk chunk, int count) {
        chunks.add(chunk);
        size += count;
        for (int slot = 0; slot < count; slot++) {
            bytes += chunk.bytes(slot);
        }
    }

    /** Gives the entries' chunks to {@code sink} in order, as {@link IndexImage} lays them out. */
    void image(IndexImage.Sink sink) {
        byte[] bytes = new byte[0];
        for (int i = 0; i < chunks.size(); i++) {
            int count = IndexImage.chunkEntries(size, i);
            if (bytes.length != EntryChunk.imageBytes(count)) {
                bytes = new byte[EntryChunk.imageBytes(count)];
            }
            chunks.get(i).writeTo(ByteBuffer.wrap(bytes), count);
            sink.chunk(ByteBuffer.wrap(bytes));
        }
    }

    /** Chunk {@code index} (entries {@code index * EntryChunk.SIZE + 1} on). */
    EntryChunk chunk(int index) {
        return chunks.get(index);
    }

    /** The entry at {@code position}, from 1 to {@link #size()}. */
    IndexEntry entry(int position) {
        int index = position - 1;
        EntryChunk chunk = chunks.get(index >>> EntryChunk.SHIFT);
        int slot = index & EntryChunk.MASK;
        return new IndexEntry(position, EntryChunk.unpacked(chunk.stamp(slot)), streamNames.name(chunk.stream(slot)),
                chunk.version(slot), typeNames.name(chunk.type(slot)), chunk.schema(slot),
                new UUID(chunk.idHigh(slot), chunk.idLow(slot)), chunk.bytes(slot));
    }

    /** How many entries there are: the last position. */
    int size() {
        return size;
    }

    /** The total size of the events on disk. */
    long bytes() {
        return bytes;
    }

    Optional<EventStamp> lastStamp() {
        return size == 0 ? Optional.empty() : Optional.of(EntryChunk.unpacked(packedStamp(size)));
    }

    /** When the first event was written; empty when there is none. */
    Optional<Instant> firstInstant() {
        return size == 0 ? Optional.empty() : Optional.of(EntryChunk.unpacked(packedStamp(1)).instant());
    }

    /** When the last event was written; empty when there is none. */
    Optional<Instant> lastInstant() {
        return lastStamp().map(EventStamp::instant);
    }

    /** Up to {@code limit} entries from position {@code from} on. */
    List<IndexEntry> from(long from, int limit) {
        long first = Math.max(from, 1);
        return first > size ? List.of() : page((int) first, (int) Math.min(size, first - 1 + limit));
    }

    /** Up to {@code limit} entries stamped in [{@code since}, {@code until}). */
    List<IndexEntry> between(Instant since, Instant until, int limit) {
        int first = firstStampedFrom(packedBound(since));
        int stop = firstStampedFrom(packedBound(until));
        return first >= stop ? List.of() : page(first, (int) Math.min(stop - 1, first - 1L + limit));
    }

    /** The entries at positions {@code first} to {@code last}, both included (unmodifiable). */
    List<IndexEntry> page(int first, int last) {
        if (first > last) {
            return List.of();
        }
        var page = new ArrayList<IndexEntry>(last - first + 1);
        for (int position = first; position <= last; position++) {
            page.add(entry(position));
        }
        return Collections.unmodifiableList(page);
    }

    /** The packed stamp of the first stamp at or after {@code time}, within the range stamps can hold. */
    private static long packedBound(Instant time) {
        if (time.isBefore(Instant.EPOCH)) {
            return 0;
        }
        if (time.isAfter(Instant.ofEpochMilli(EventStamp.MAX_MILLI))) {
            return EntryChunk.MAX_PACKED + 1;
        }
        return time.toEpochMilli() * 1000;
    }

    /** The first position whose stamp is at least {@code packed}, or size + 1 when there is none. */
    private int firstStampedFrom(long packed) {
        int low = 1;
        int high = size + 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (packedStamp(mid) >= packed) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The packed stamp of the entry at {@code position}. */
    long packedStamp(int position) {
        int index = position - 1;
        return chunks.get(index >>> EntryChunk.SHIFT).stamp(index & EntryChunk.MASK);
    }
}
