package dev.dossier.benchmark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Workloads 5, 5b, 6, 8 and 8b: reads of one store of {@code readAllEvents} events and its disk use, before and
 * after packing.
 */
final class ReadWorkloads {
    private static final String RARE = "RareRecorded";
    /** Read-all passes timed (together), per subject. */
    private static final int READ_ALL_ROUNDS = 3;
    /**
     * Read-all passes before the timed ones, per subject: a harness of 16 passes of 100,000 events found
     * Dossier's rate still rising through the seventh (86k to 180k events/s in the first, 500k to 600k from
     * the eighth on; SQLite's from its second or third), while the JIT compiles the read path on the same two
     * cores. The first pass is reported on its own (workload 5c).
     */
    private static final int WARM_PASSES = 9;
    /** Type and time queries warmed up, then timed, per subject. */
    private static final int QUERIES = 20;

    private final Workloads workloads;
    private final Workloads.Sizes sizes;

    ReadWorkloads(Workloads workloads, Workloads.Sizes sizes) {
        this.workloads = workloads;
        this.sizes = sizes;
    }

    /** The first read-all pass of a store just filled, timed alone. */
    private static Measure firstReadAll(Subject s) {
        long start = System.nanoTime();
        long count = s.readAll();
        long nanos = System.nanoTime() - start;
        return Measure.of(new long[] {nanos}, count, nanos);
    }

    /** Read-all passes warmed up, then timed (together). */
    private static Measure readAll(Subject s) {
        for (int warm = 0; warm < WARM_PASSES; warm++) {
            s.readAll();
        }
        long[] passes = new long[READ_ALL_ROUNDS];
        long count = 0;
        long t = System.nanoTime();
        for (int round = 0; round < READ_ALL_ROUNDS; round++) {
            long start = System.nanoTime();
            count = s.readAll();
            passes[round] = System.nanoTime() - start;
        }
        return Measure.of(passes, count, System.nanoTime() - t);
    }

    /**
     * Workloads 5, 6 and 8 on one store of {@code readAllEvents} events; then 5b, read-all again once older
     * events are packed (Dossier) or the database vacuumed (SQLite).
     */
    List<Result> run() {
        var results = new ArrayList<Measure[]>();
        for (int k = 0; k < 7; k++) {
            results.add(new Measure[2]);
        }
        for (int i = 0; i < workloads.subjects().size(); i++) {
            Path dir = workloads.fresh(i);
            try (Subject s = workloads.subjects().get(i).apply(dir, false)) {
                Instant[] window = StoreFill.fill(s, sizes.readAllEvents());
                results.get(6)[i] = firstReadAll(s);
                results.get(0)[i] = readAll(s);
                results.get(1)[i] = timed(QUERIES, () -> s.byType(RARE));
                results.get(2)[i] = timed(QUERIES, () -> s.byTime(window[0], window[1]));
                long payload = (long) Payloads.json(0).length() * sizes.readAllEvents();
                results.get(3)[i] = Measure.value((double) s.diskBytes() / payload);
                s.compact(10);
                results.get(4)[i] = Measure.value((double) s.diskBytes() / payload);
                results.get(5)[i] = readAll(s);
            }
        }
        String n = String.format("%,d", sizes.readAllEvents());
        return List.of(
                new Result("5. read all events in global order (" + n + ")", "events/s", true,
                        results.get(0)[0], results.get(0)[1]),
                new Result("5c. read all events in global order, the first pass after filling (JIT still warming up)",
                        "events/s", true, results.get(6)[0], results.get(6)[1]),
                new Result("5b. read all events in global order after packing (keep 10) / VACUUM", "events/s", true,
                        results.get(5)[0], results.get(5)[1]),
                new Result("6a. events of one type, 1% of " + n, "queries/s", true, results.get(1)[0], results.get(1)[1]),
                new Result("6b. time-range query, 1% of " + n, "queries/s", true, results.get(2)[0], results.get(2)[1]),
                new Result("8. disk bytes per payload byte", "bytes/byte", false, results.get(3)[0], results.get(3)[1]),
                new Result("8b. disk bytes per payload byte after packing (keep 10) / VACUUM", "bytes/byte", false,
                        results.get(4)[0], results.get(4)[1]));
    }

    /**
     * Times {@code reps} runs of {@code query} after as many untimed ones: a JIT-compiled reader (and the JVM's
     * garbage collector) needs more than one run to settle, and a handful of timed runs let one slow phase of
     * the machine decide the median.
     */
    private static Measure timed(int reps, java.util.function.IntSupplier query) {
        for (int warm = 0; warm < reps; warm++) {
            query.getAsInt();
        }
        long[] nanos = new long[reps];
        long start = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            query.getAsInt();
            nanos[i] = System.nanoTime() - t;
        }
        return Measure.of(nanos, 1, System.nanoTime() - start);
    }
}
