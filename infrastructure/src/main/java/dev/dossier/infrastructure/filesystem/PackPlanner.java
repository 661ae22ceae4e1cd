package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.IndexEntry;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans the packs of one aggregate ({@link PackPlan}) from the store as it is now: only events up to the
 * aggregate's version minus {@code keep}, and below the lowest position a journal still protects. Remembers,
 * per aggregate, where the full range files its events begin with end, so that an automatic pack plans from
 * there. Throws {@link IOException} when the aggregate's files or the journals cannot be listed. Use while
 * holding the store's write lock.
 */
final class PackPlanner {
    private final FileStoreParts parts;
    private final int keep;
    /**
     * Per aggregate, the last version of the full range files its events begin with, as the last automatic
     * pack found them: the next automatic pack plans from the event after it (when that event still begins a
     * file), so that its cost does not grow with the aggregate's history.
     */
    private final Map<StreamId, Long> fullThrough = new HashMap<>();

    PackPlanner(FileStoreParts parts, int keep) {
        this.parts = parts;
        this.keep = keep;
    }

    /** The runs of the whole aggregate, from version 1; forgets where its leading full range files ended. */
    PackPlan.Runs fromStart(StreamId stream, PackPlan.Full full) throws IOException {
        fullThrough.remove(stream);
        var lines = new StoredLines(parts.layout());
        lines.list(stream);
        return PackPlan.runs(parts.index().stream(stream, 1), lines, lastVersion(stream), protectedFrom(), full);
    }

    /**
     * The runs from where the aggregate's leading full range files ended at the last automatic pack (from
     * version 1 when another pack merged across that point); remembers where they end now. Only the range files
     * that end from there on are listed, so that its cost does not grow with the files before.
     */
    PackPlan.Runs afterFull(StreamId stream, PackPlan.Full full) throws IOException {
        long from = fullThrough.getOrDefault(stream, 0L);
        List<IndexEntry> entries = parts.index().stream(stream, from + 1);
        var lines = new StoredLines(parts.layout());
        if (!entries.isEmpty()) {
            lines.list(stream, from == 0 ? null : entries.get(0).stamp());
        }
        Optional<RangeCatalog.Range> range = entries.isEmpty() ? Optional.empty() : lines.rangeOf(entries.get(0));
        if (range.isPresent() && !range.get().name().first().equals(entries.get(0).stamp())) {
            from = 0; // another pack merged across the point: plan from the start
            entries = parts.index().stream(stream, 1);
            lines.list(stream);
        }
        PackPlan.Runs runs = PackPlan.runs(entries, lines, lastVersion(stream), protectedFrom(), full);
        fullThrough.put(stream, Math.max(from, runs.fullThrough()));
        return runs;
    }

    private long lastVersion(StreamId stream) {
        return parts.index().versionOf(stream) - keep;
    }

    /** The lowest position a journal (sealed or not) still protects; events below it are in no journal. */
    private long protectedFrom() throws IOException {
        long floor = parts.index().lastPosition() + 1;
        List<Journal.Record> journaled = parts.journal().sinceCheckpoint();
        if (!journaled.isEmpty()) {
            floor = Math.min(floor, journaled.get(0).entry().position());
        }
        for (long first : JournalSegments.firstPositions(parts.layout().metadata())) {
            floor = Math.min(floor, first);
        }
        return floor;
    }
}
