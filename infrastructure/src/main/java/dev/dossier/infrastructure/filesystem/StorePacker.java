package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.AggregateSummary;
import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
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
    /** Aggregates that passed a multiple of {@code packEvery} and wait for their automatic merges, oldest first. */
    private final Set<StreamId> waiting = new LinkedHashSet<>();
    private final PackCleanup cleanup;
    private final PackPlanner planner;
    private final PackMerger merger;

    StorePacker(FileStoreParts parts, int keep, java.util.function.Predicate<CommitWriter.IoAction> tryExclusively) {
        this.parts = parts;
        this.keep = keep;
        this.cleanup = new PackCleanup(parts, tryExclusively);
        this.planner = new PackPlanner(parts, keep);
        this.merger = new PackMerger(parts, cleanup);
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
        return merge(stream, planner.fromStart(stream, full), least);
    }

    /**
     * Like {@link #pack}, planning from where the aggregate's leading full range files end, and merging one
     * run only; returns whether another run is left to merge.
     */
    private boolean packAutomatically(StreamId stream, PackPlan.Full full, int least) throws IOException {
        PackPlan.Runs runs = planner.afterFull(stream, full);
        List<List<PackUnit>> merges = runs.runs().stream().filter(merge -> merges(merge, least)).toList();
        if (!merges.isEmpty()) {
            merger.merge(stream, merges.get(0), true);
        }
        return merges.size() > 1;
    }

    private static boolean merges(List<PackUnit> run, int least) {
        return run.size() > 1 && run.stream().mapToInt(u -> u.entries().size()).sum() >= least;
    }

    private PackReport merge(StreamId stream, PackPlan.Runs runs, int least) throws IOException {
        var report = PackReport.EMPTY;
        for (List<PackUnit> merge : runs.runs()) {
            if (merges(merge, least)) {
                report = report.plus(merger.merge(stream, merge, false));
            }
        }
        return report;
    }
}
