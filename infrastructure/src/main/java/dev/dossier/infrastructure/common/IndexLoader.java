package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntFunction;
import lombok.RequiredArgsConstructor;

/**
 * Fills an empty index from an {@link IndexImage}, checking as it goes that the image could have been taken
 * from an index: the entries' versions, the streams' and event types' positions and the tallies follow
 * from the entries in order, as when they are added one by one. A chunk's columns are copied in bulk, and
 * no object is made per entry: the streams' and types' positions are counted first and then filled into
 * lists of their exact sizes, and the tallies are counted per stream and per run of equal event type and
 * schema version. Not thread-safe: the index's lock guards it.
 */
@RequiredArgsConstructor
final class IndexLoader {
    private final NameNumbers<StreamId> streamNames;
    private final NameNumbers<EventType> typeNames;
    private final GlobalEntries global;
    private final StreamEntries streams;
    private final EventTypeEntries types;
    private final IndexTallies tallies;

    /** @throws IllegalArgumentException as {@link StoreIndex#loaded(long, List, List, IntFunction)} says */
    void load(long events, List<StreamId> streamList, List<EventType> typeList, IntFunction<ByteBuffer> chunks) {
        if (events < 0 || events > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an index holds 0 to " + Integer.MAX_VALUE + " events, not " + events);
        }
        number(streamList, streamNames, "stream");
        number(typeList, typeNames, "event type");
        int[] perStream = new int[streamNames.size()];
        int[] perType = new int[typeNames.size()];
        var versionCounts = new VersionCounts(typeNames);
        int position = 0;
        int nextStream = 0;
        int nextType = 0;
        for (int c = 0; c < IndexImage.chunkCount(events); c++) {
            int count = IndexImage.chunkEntries(events, c);
            ByteBuffer bytes = chunks.apply(c);
            if (bytes.remaining() != EntryChunk.imageBytes(count)) {
                throw new IllegalArgumentException("chunk " + c + " has " + bytes.remaining() + " bytes, not "
                        + EntryChunk.imageBytes(count));
            }
            EntryChunk chunk = EntryChunk.readFrom(bytes, count);
            for (int slot = 0; slot < count; slot++) {
                position++;
                long stamp = chunk.stamp(slot);
                int stream = chunk.stream(slot);
                int type = chunk.type(slot);
                int schema = chunk.schema(slot);
                if (stamp < 0 || stamp > EntryChunk.MAX_PACKED) {
                    throw problem(position, "its stamp is out of range");
                }
                if (stream < 0 || stream > nextStream || stream >= perStream.length) {
                    throw problem(position, "its stream number " + stream + " is unknown or used before the ones below it");
                }
                if (type < 0 || type > nextType || type >= perType.length) {
                    throw problem(position, "its event type number " + type + " is unknown or used before the ones below it");
                }
                if (schema < 0 || chunk.bytes(slot) < 0) {
                    throw problem(position, "its schema version or size is negative");
                }
                nextStream = Math.max(nextStream, stream + 1);
                nextType = Math.max(nextType, type + 1);
                perStream[stream]++;
                perType[type]++;
                versionCounts.count(type, schema);
            }
            global.addChunk(chunk, count);
        }
        if (nextStream != perStream.length || nextType != perType.length) {
            throw problem(position, "not every stream and event type named has an entry");
        }
        index(perStream, perType);
        versionCounts.addTo(tallies);
    }

    /**
     * Adds every loaded entry to its stream's and its type's positions (sized exactly beforehand), sets its
     * version, and counts each stream in the tallies.
     */
    private void index(int[] perStream, int[] perType) {
        for (int stream = 0; stream < perStream.length; stream++) {
            streams.addStream(streamNames.name(stream), perStream[stream]);
        }
        for (int type = 0; type < perType.length; type++) {
            types.addType(perType[type]);
        }
        long[] latest = new long[perStream.length];
        int position = 0;
        for (int c = 0; position < global.size(); c++) {
            EntryChunk chunk = global.chunk(c);
            int count = IndexImage.chunkEntries(global.size(), c);
            for (int slot = 0; slot < count; slot++) {
                position++;
                int stream = chunk.stream(slot);
                chunk.setVersion(slot, streams.add(null, stream, position));
                types.add(chunk.type(slot), position);
                latest[stream] = Math.max(latest[stream], chunk.stamp(slot));
            }
        }
        for (int stream = 0; stream < perStream.length; stream++) {
            tallies.addStream(streamNames.name(stream).type(), perStream[stream], latest[stream]);
        }
    }

    private static <T> void number(List<T> names, NameNumbers<T> numbers, String what) {
        for (T name : names) {
            int next = numbers.size();
            if (numbers.numberFor(name) != next) {
                throw new IllegalArgumentException("the " + what + " " + name + " is named twice");
            }
        }
    }

    private static IllegalArgumentException problem(int position, String problem) {
        return new IllegalArgumentException("entry " + position + ": " + problem);
    }
}
