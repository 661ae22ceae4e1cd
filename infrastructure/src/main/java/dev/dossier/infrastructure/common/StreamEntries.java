package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.AggregateSummary;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.StreamId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The index's entries per aggregate stream, each stream's in version order (kept as the positions of its
 * entries), and the streams of each aggregate type; an unknown stream or type has no entries and version 0.
 * Not thread-safe: the index's lock guards it.
 */
final class StreamEntries {
    private final NameNumbers<StreamId> names;
    private final GlobalEntries global;
    /** Per stream number, its entries' positions. */
    private final List<PositionList> byStream = new ArrayList<>();
    private final Map<AggregateType, List<StreamId>> streamsByType = new TreeMap<>();

    StreamEntries(NameNumbers<StreamId> names, GlobalEntries global) {
        this.names = names;
        this.global = global;
    }

    /**
     * Checks that {@code entry} is the next version of its stream.
     *
     * @throws IllegalStateException when it is not
     */
    void check(IndexEntry entry) {
        long streamVersion = versionOf(entry.stream());
        if (entry.version() != streamVersion + 1) {
            throw new IllegalStateException("version " + entry.version() + " of " + entry.stream()
                    + " follows " + streamVersion);
        }
    }

    /**
     * Adds the entry at {@code position} as the next version of {@code id}, numbered {@code stream} (a new
     * stream's number is the count of streams so far; {@code id} may be null for a stream already added);
     * returns that version.
     */
    int add(StreamId id, int stream, int position) {
        if (stream == byStream.size()) {
            addStream(id, 0);
        }
        PositionList positions = byStream.get(stream);
        positions.add(position);
        return positions.size();
    }

    /** Adds {@code id} as the next stream number, with room for {@code capacity} entries. */
    void addStream(StreamId id, int capacity) {
        byStream.add(new PositionList(capacity));
        streamsByType.computeIfAbsent(id.type(), t -> new ArrayList<>()).add(id);
    }

    Optional<IndexEntry> lastOf(StreamId stream) {
        PositionList positions = positionsOf(stream);
        return positions.size() == 0 ? Optional.empty() : Optional.of(global.entry(positions.get(positions.size() - 1)));
    }

    long versionOf(StreamId stream) {
        return positionsOf(stream).size();
    }

    /** Entries of {@code stream} with version {@code fromVersion} or later. */
    List<IndexEntry> stream(StreamId stream, long fromVersion) {
        PositionList positions = positionsOf(stream);
        int from = (int) Math.min(Math.max(fromVersion - 1, 0), positions.size());
        if (from == positions.size()) {
            return List.of();
        }
        var entries = new ArrayList<IndexEntry>(positions.size() - from);
        for (int i = from; i < positions.size(); i++) {
            entries.add(global.entry(positions.get(i)));
        }
        return Collections.unmodifiableList(entries);
    }

    /** One summary per aggregate of {@code type}, in stream order. */
    List<AggregateSummary> aggregates(AggregateType type) {
        return streamsByType.getOrDefault(type, List.of()).stream().sorted().map(id -> {
            PositionList positions = positionsOf(id);
            int last = positions.get(positions.size() - 1);
            return new AggregateSummary(id, positions.size(), EntryChunk.unpacked(global.packedStamp(last)).instant());
        }).toList();
    }

    /** How many aggregates of {@code type} there are; 0 for an unknown type. */
    long aggregatesOf(AggregateType type) {
        return streamsByType.getOrDefault(type, List.of()).size();
    }

    /** How many aggregates there are. */
    int aggregateCount() {
        return byStream.size();
    }

    /** How many aggregate types there are. */
    int aggregateTypeCount() {
        return streamsByType.size();
    }

    private PositionList positionsOf(StreamId stream) {
        int number = names.numberOf(stream);
        return number < 0 || number >= byStream.size() ? EMPTY : byStream.get(number);
    }

    private static final PositionList EMPTY = new PositionList(0);
}
