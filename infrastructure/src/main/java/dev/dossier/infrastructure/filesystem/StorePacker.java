package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.AggregateSummary;
import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Packs an aggregate's older events into range files: every run of event files and small range files
 * (fewer than {@link #FULL} lines) holding versions up to the aggregate's version minus {@code keep} is
 * merged into one range file, atomically ({@link PackIntent}); the most recent {@code keep} events stay
 * as they are. Events a journal still protects are never packed. Each event is checked against its index
 * entry before it is packed, so packing never carries damage into a pack. Use while holding the store's
 * write lock, caught up with other processes.
 */
final class StorePacker {
    /** A range file with this many lines or more is left as it is. */
    static final int FULL = 1_000;
    /**
     * An automatic pack also leaves alone a range file of this many bytes or more (a batch of many events, or
     * of large ones): its last, partly used disk block is a small share of it, so rewriting it would cost
     * much and save little.
     */
    static final long FULL_BYTES = 32 * 1024;

    private final FileStoreParts parts;
    private final int keep;
    /** Checks events before they are packed: envelope and JSON, without binding payloads to classes. */
    private final EventFileCodec checker = new EventFileCodec(new PayloadCodec(EventTypeRegistry.empty(), Integer.MAX_VALUE));
    /**
     * Per aggregate, the last version of the full range files its events begin with, as the last automatic
     * pack found them: the next automatic pack plans from the event after it (when that event still begins a
     * file), so that its cost does not grow with the aggregate's history.
     */
    private final Map<StreamId, Long> fullThrough = new HashMap<>();
    /** Aggregates that passed a multiple of {@code packEvery} and wait for their automatic merges, oldest first. */
    private final Set<StreamId> waiting = new LinkedHashSet<>();
    private final PackCleanup cleanup;

    StorePacker(FileStoreParts parts, int keep, java.util.function.Predicate<CommitWriter.IoAction> tryExclusively) {
        this.parts = parts;
        this.keep = keep;
        this.cleanup = new PackCleanup(parts, tryExclusively);
    }

    /**
     * Packs, one merge per commit, the aggregates whose version passed a multiple of {@code every} (none when
     * {@code every} is not positive); the files a merge replaced are deleted in the background
     * ({@link PackCleanup}), and the next merge waits for a later commit once they are gone. A failure leaves
     * the commit standing; an interrupted pack is finished by the next pack or open.
     */
    void afterCommit(List<List<Journal.Record>> batches, int every) {
        if (every <= 0) {
            return;
        }
        for (List<Journal.Record> batch : batches) {
            long first = batch.get(0).entry().version();
            long last = batch.get(batch.size() - 1).entry().version();
            if (last / every > (first - 1) / every) {
                waiting.add(batch.get(0).entry().stream());
            }
        }
        try {
            cleanup.helpIfStarved();
            if (!cleanup.idle() || waiting.isEmpty()) {
                return;
            }
            PackIntent.finish(parts.layout(), parts.files());
        } catch (IOException | RuntimeException e) {
            return; // tried again after the next commit
        }
        int full = Math.min(FULL, Math.max(2, every - keep));
        while (!waiting.isEmpty() && !cleanup.busy()) {
            StreamId next = waiting.iterator().next();
            try {
                if (!packAutomatically(next, new PackPlan.Full(full, FULL_BYTES), full)) {
                    waiting.remove(next);
                }
            } catch (IOException | RuntimeException e) {
                waiting.remove(next); // Packing is optional work: the events stay where they were.
            }
        }
    }

    /** The deletions of automatic packs, in the background. */
    PackCleanup cleanup() {
        return cleanup;
    }

    /** Packs every aggregate of the store. */
    PackReport packAll() throws IOException {
        var report = PackReport.EMPTY;
        for (AggregateTypeSummary type : parts.index().aggregateTypes()) {
            for (AggregateSummary aggregate : parts.index().aggregates(type.type())) {
                report = report.plus(pack(aggregate.stream(), new PackPlan.Full(FULL, Long.MAX_VALUE), 2));
            }
        }
        return report;
    }

    /**
     * Packs one aggregate: merges each run of files that are not {@code full} and hold at least {@code least}
     * events (and at least two files); an empty report when there is nothing to merge. An automatic pack asks
     * for runs as large as the files it leaves alone ({@code packEvery - keep}, at most {@link #FULL}), so that
     * it merges each event once, and leaves range files of {@link #FULL_BYTES} or more alone.
     */
    PackReport pack(StreamId stream, PackPlan.Full full, int least) throws IOException {
        fullThrough.remove(stream);
        var lines = new StoredLines(parts.layout());
        lines.list(stream);
        return merge(stream, PackPlan.runs(parts.index().stream(stream, 1), lines, lastVersion(stream), protectedFrom(),
                full), least);
    }

    /**
     * Like {@link #pack}, planning from where the aggregate's leading full range files end, and merging one
     * run only; returns whether another run is left to merge.
     */
    private boolean packAutomatically(StreamId stream, PackPlan.Full full, int least) throws IOException {
        var lines = new StoredLines(parts.layout());
        lines.list(stream);
        long from = fullThrough.getOrDefault(stream, 0L);
        List<IndexEntry> entries = parts.index().stream(stream, from + 1);
        Optional<RangeCatalog.Range> range = entries.isEmpty() ? Optional.empty() : lines.rangeOf(entries.get(0));
        if (range.isPresent() && !range.get().name().first().equals(entries.get(0).stamp())) {
            from = 0; // another pack merged across the point: plan from the start
            entries = parts.index().stream(stream, 1);
        }
        PackPlan.Runs runs = PackPlan.runs(entries, lines, lastVersion(stream), protectedFrom(), full);
        fullThrough.put(stream, Math.max(from, runs.fullThrough()));
        List<List<PackUnit>> merges = runs.runs().stream().filter(merge -> merges(merge, least)).toList();
        if (!merges.isEmpty()) {
            merge(stream, merges.get(0), true);
        }
        return merges.size() > 1;
    }

    private static boolean merges(List<PackUnit> run, int least) {
        return run.size() > 1 && run.stream().mapToInt(u -> u.entries().size()).sum() >= least;
    }

    private long lastVersion(StreamId stream) {
        return parts.index().versionOf(stream) - keep;
    }

    private PackReport merge(StreamId stream, PackPlan.Runs runs, int least) throws IOException {
        var report = PackReport.EMPTY;
        for (List<PackUnit> merge : runs.runs()) {
            if (merges(merge, least)) {
                report = report.plus(merge(stream, merge, false));
            }
        }
        return report;
    }

    /** Merges {@code units} into one range file; deletes what it replaced {@code later}, when it can. */
    private PackReport merge(StreamId stream, List<PackUnit> units, boolean later) throws IOException {
        var entries = new ArrayList<IndexEntry>();
        var content = new ArrayList<byte[]>();
        var sources = new ArrayList<Path>();
        for (PackUnit unit : units) {
            entries.addAll(unit.entries());
            content.addAll(unit.lines(checker));
            sources.add(unit.file());
        }
        var name = new StoreLayout.RangeName(entries.get(0).stamp(), entries.get(entries.size() - 1).stamp());
        Path pack = parts.layout().rangeFile(stream, name.first(), name.last());
        byte[] intent = PackIntent.write(parts.layout(), parts.files(), pack, sources);
        parts.files().writeAtomically(pack, RangeLines.join(content));
        parts.files().syncDirectory(pack.getParent());
        parts.catalog().added(stream, name, pack);
        var report = new PackReport(1, entries.size(), sources.size(), 1);
        if (later && cleanup.deleteLater(pack, sources, intent)) {
            return report;
        }
        for (Path source : sources) {
            if (!source.equals(pack)) {
                Files.deleteIfExists(source);
            }
        }
        parts.files().syncDirectory(pack.getParent());
        PackIntent.clear(parts.layout(), parts.files());
        return report;
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
