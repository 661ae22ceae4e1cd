package dev.dossier.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Workloads 7 and 9 (full mode): opening a large store (in a fresh JVM, {@link OpenProbe}, and then in this
 * one, whose JIT has compiled the readers on the way), and append latency at two store sizes. Each subject
 * gets two stores, of about 10,000 events and about {@code events} (filled to half the timed appends short
 * of those sizes, so that they hold those sizes on average while timed), and the appends are timed in
 * alternating rounds on the two (small then large, then large then small, and so on), each round on a
 * freshly opened store: on a machine whose disk speed drifts by half within a minute, timing one size after
 * the other would compare two moments of the machine rather than two sizes of the store. A round of 500
 * appends seals no journal (one seal and one spare journal per 2,048 events), and its first append extends
 * the journal that opening the store trimmed; both sizes pay that alike.
 */
final class LargeStore {
    /** Alternating rounds per size; an even number, so each size runs first in half of them. */
    private static final int ROUNDS = 10;
    /** Appends per round: {@code ROUNDS} of them make 5,000 per size, enough for a stable p50 and p99. */
    private static final int PER_ROUND = 500;
    private static final int SMALL = 10_000;
    private final Workloads workloads;
    private final int events;

    LargeStore(Workloads workloads, int events) {
        this.workloads = workloads;
        this.events = events;
    }

    List<Result> run() {
        Measure[] open = new Measure[2];
        Measure[] freshOpen = new Measure[2];
        Measure[] small = new Measure[2];
        Measure[] large = new Measure[2];
        for (int i = 0; i < 2; i++) {
            var subject = workloads.subjects().get(i);
            // Filled without automatic packing: the fill is round-robin, so every aggregate would pass 1,000
            // events within its last minute and a thousand packs would delete about 90,000 files at once,
            // which slows file creation for minutes (see Workloads.fresh) and would be timed as the store's size.
            var filler = workloads.fillers().get(i);
            Path smallDir = workloads.fresh(i);
            Path largeDir = workloads.fresh(i);
            try (Subject s = filler.apply(smallDir, false)) {
                StoreFill.fill(s, SMALL - ROUNDS * PER_ROUND / 2);
            }
            try (Subject s = filler.apply(largeDir, false)) {
                StoreFill.fill(s, events - ROUNDS * PER_ROUND / 2);
            }
            StoreFill.settle();
            freshOpen[i] = Measure.throughput(1, OpenProbe.inFreshJvm(OpenProbe.SUBJECTS.get(i), largeDir));
            long t = System.nanoTime();
            try (Subject s = subject.apply(largeDir, true)) {
                s.load("agg-1");
                open[i] = Measure.throughput(1, System.nanoTime() - t);
            }
            Growth smallGrowth = new Growth();
            Growth largeGrowth = new Growth();
            for (int round = 0; round < ROUNDS; round++) {
                boolean smallFirst = round % 2 == 0;
                Growth first = smallFirst ? smallGrowth : largeGrowth;
                Growth second = smallFirst ? largeGrowth : smallGrowth;
                first.round(subject.apply(smallFirst ? smallDir : largeDir, true));
                second.round(subject.apply(smallFirst ? largeDir : smallDir, true));
            }
            small[i] = smallGrowth.measure();
            large[i] = largeGrowth.measure();
        }
        String n = String.format("%,d", events);
        var results = new ArrayList<Result>();
        results.add(new Result("7. open a store of " + n + " events (time to first read)", "opens/s", true,
                open[0], open[1]));
        results.add(new Result("7b. open a store of " + n + " events in a fresh JVM (time to first read)", "opens/s",
                true, freshOpen[0], freshOpen[1]));
        results.add(new Result("9a. single durable append with 10,000 events stored", "events/s", true,
                small[0], small[1]));
        results.add(new Result("9b. single durable append with " + n + " events stored", "events/s", true,
                large[0], large[1]));
        return results;
    }

    /** The timed appends to one store: one new aggregate, {@code growth}, grown round after round. */
    private static final class Growth {
        private final long[] nanos = new long[ROUNDS * PER_ROUND];
        private int done;
        private long wallNanos;

        /** Times one round of single durable appends on a freshly opened store, after a full collection. */
        void round(Subject s) {
            try (s) {
                System.gc();
                long start = System.nanoTime();
                for (int k = 0; k < PER_ROUND; k++) {
                    long t = System.nanoTime();
                    s.append("growth", done, "SampleRecorded", Payloads.json(done));
                    nanos[done++] = System.nanoTime() - t;
                }
                wallNanos += System.nanoTime() - start;
            }
        }

        Measure measure() {
            return Measure.of(nanos, 1, wallNanos);
        }
    }
}
