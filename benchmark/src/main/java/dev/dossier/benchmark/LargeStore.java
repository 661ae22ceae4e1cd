package dev.dossier.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Workloads 7 and 9 (full mode): opening a large store, and append latency as the store grows. */
final class LargeStore {
    /** Appends timed at each size: enough for a stable p50 on a noisy machine (250 were not). */
    private static final int APPENDS = 2_000;
    private final Workloads workloads;
    private final int events;

    LargeStore(Workloads workloads, int events) {
        this.workloads = workloads;
        this.events = events;
    }

    List<Result> run() {
        Measure[] open = new Measure[2];
        Measure[] small = new Measure[2];
        Measure[] large = new Measure[2];
        for (int i = 0; i < 2; i++) {
            growthVersion = 0;
            Path dir = workloads.fresh(i);
            var subject = workloads.subjects().get(i);
            // Filled without automatic packing: the fill is round-robin, so every aggregate would pass 1,000
            // events within its last minute and a thousand packs would delete about 90,000 files at once,
            // which slows file creation for minutes (see Workloads.fresh) and would be timed as the store's size.
            var filler = workloads.fillers().get(i);
            long[] versions = new long[1000];
            try (Subject s = filler.apply(dir, false)) {
                StoreFill.fill(s, 10_000, versions);
            }
            StoreFill.settle();
            small[i] = appendLatency(subject.apply(dir, true));
            try (Subject s = filler.apply(dir, false)) {
                StoreFill.fill(s, events - 10_000 - APPENDS, versions);
            }
            StoreFill.settle();
            long t = System.nanoTime();
            try (Subject s = subject.apply(dir, true)) {
                s.load("agg-1");
                open[i] = Measure.throughput(1, System.nanoTime() - t);
            }
            large[i] = appendLatency(subject.apply(dir, true));
        }
        String n = String.format("%,d", events);
        var results = new ArrayList<Result>();
        results.add(new Result("7. open a store of " + n + " events (time to first read)", "opens/s", true,
                open[0], open[1]));
        results.add(new Result("9a. single durable append with 10,000 events stored", "events/s", true,
                small[0], small[1]));
        results.add(new Result("9b. single durable append with " + n + " events stored", "events/s", true,
                large[0], large[1]));
        return results;
    }

    private long growthVersion;

    /** Append latency of a freshly opened store, after a full collection of what opening it left behind. */
    private Measure appendLatency(Subject s) {
        try (s) {
            System.gc();
            long[] nanos = new long[APPENDS];
            long start = System.nanoTime();
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                s.append("growth", growthVersion++, "SampleRecorded", Payloads.json(i));
                nanos[i] = System.nanoTime() - t;
            }
            return Measure.of(nanos, 1, System.nanoTime() - start);
        }
    }
}
