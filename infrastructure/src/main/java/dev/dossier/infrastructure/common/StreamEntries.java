package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.AggregateSummary;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The index's entries per aggregate stream, each stream's in version order, and the streams of each
 * aggregate type; an unknown stream or type has no entries and version 0. Not thread-safe: the index's
 * lock guards it.
 */
final class StreamEntries {
    private final Map<StreamId, List<IndexEntry>> byStream = new HashMap<>();
    private final Map<AggregateType, List<StreamId>> streamsByType = new TreeMap<>();

    /**
     * Adds {@code entry} as the next version of its stream.
     *
     * @throws IllegalStateException when the entry is not the stream's next version; nothing is added then
     */
    void add(IndexEntry entry) {
        List<IndexEntry> stream = byStream.get(entry.stream());
        long streamVersion = stream == null ? 0 : stream.size();
        if (entry.version() != streamVersion + 1) {
            throw new IllegalStateException("version " + entry.version() + " of " + entry.stream()
                    + " follows " + streamVersion);
        }
        if (stream == null) {
            stream = new ArrayList<>();
            byStream.put(entry.stream(), stream);
            streamsByType.computeIfAbsent(entry.stream().type(), t -> new ArrayList<>()).add(entry.stream());
        }
        stream.add(entry);
    }

    Optional<IndexEntry> lastOf(StreamId stream) {
        List<IndexEntry> entries = byStream.get(stream);
        return entries == null ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    long versionOf(StreamId stream) {
        return byStream.getOrDefault(stream, List.of()).size();
    }

    /** Entries of {@code stream} with version {@code fromVersion} or later. */
    List<IndexEntry> stream(StreamId stream, long fromVersion) {
        List<IndexEntry> entries = byStream.getOrDefault(stream, List.of());
        int from = (int) Math.min(Math.max(fromVersion - 1, 0), entries.size());
        return List.copyOf(entries.subList(from, entries.size()));
    }

    /** One summary per aggregate of {@code type}, in stream order. */
    List<AggregateSummary> aggregates(AggregateType type) {
        return streamsByType.getOrDefault(type, List.of()).stream().sorted().map(id -> {
            List<IndexEntry> entries = byStream.get(id);
            return new AggregateSummary(id, entries.size(), entries.get(entries.size() - 1).stamp().instant());
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
}
