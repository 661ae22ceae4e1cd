package dev.dossier.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/** The workloads of the benchmark, each run on a fresh store of each subject. */
final class Workloads {
    private static final String TYPE = "SampleRecorded";
    private static final String RARE = "RareRecorded";

    private final Path work;
    private final Sizes sizes;
    /** How many store directories {@link #fresh} has handed out; numbers the next one. */
    private int stores;
    private final List<BiFunction<Path, Boolean, Subject>> subjects = List.of(DossierSubject::new, SqliteSubject::new);

    Workloads(Path work, Sizes sizes) {
        this.work = work;
        this.sizes = sizes;
    }

    /** How much work each workload does. */
    record Sizes(int warmUpAppends, int singleAppends, int threadedAppends, int batches, int loads, int readAllEvents,
                 boolean full) {
        static Sizes small() {
            return new Sizes(10_000, 500, 800, 30, 300, 20_000, false);
        }

        static Sizes large() {
            return new Sizes(20_000, 5_000, 8_000, 200, 2_000, 100_000, true);
        }
    }

    /**
     * Runs each subject's append paths on a throwaway store, not durable, before anything is timed. The JIT
     * compiles Dossier's append path only after several thousand appends: the median non-durable append here
     * fell from about 600 us over the first thousand to about 130 us after 6,000 and 50 us after 18,000. A host
     * that embeds a store appends for far longer than a benchmark does, so the workloads measure the compiled
     * code. SQLite gets the same warm-up.
     */
    /** Non-durable batches of 100 in the warm-up, in both modes. */
    private static final int WARM_UP_BATCHES = 100;

    void warmUp() {
        List<String> batch = IntStream.range(0, 100).mapToObj(Payloads::json).toList();
        for (int i = 0; i < subjects.size(); i++) {
            Path dir = fresh(i);
            try (Subject s = subjects.get(i).apply(dir, false)) {
                long[] versions = new long[100];
                for (int k = 0; k < sizes.warmUpAppends(); k++) {
                    int agg = k % versions.length;
                    s.append("jit-" + agg, versions[agg]++, TYPE, Payloads.json(k));
                }
                for (int k = 0; k < WARM_UP_BATCHES; k++) {
                    s.appendBatch("jit-batched", k * 100L, TYPE, batch);
                }
            }
        }
        StoreFill.settle();
    }

    Result singleAppend() {
        Measure[] m = each(true, s -> {
            warm(s, 100);
            long[] nanos = new long[sizes.singleAppends()];
            long[] versions = new long[100];
            long start = System.nanoTime();
            for (int i = 0; i < nanos.length; i++) {
                int agg = i % versions.length;
                long t = System.nanoTime();
                s.append("agg-" + agg, versions[agg]++, TYPE, Payloads.json(i));
                nanos[i] = System.nanoTime() - t;
            }
            return Measure.of(nanos, 1, System.nanoTime() - start);
        });
        return new Result("1. single durable append, 1 thread", "events/s", true, m[0], m[1]);
    }

    Result threadedAppends() {
        int threads = 8;
        Measure[] m = each(true, s -> {
            warm(s, 100);
            int per = sizes.threadedAppends() / threads;
            long[] nanos = new long[per * threads];
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            try {
                var futures = new ArrayList<Future<?>>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < per; i++) {
                            long begin = System.nanoTime();
                            s.append("thread-" + thread, i, TYPE, Payloads.json(i));
                            nanos[thread * per + i] = System.nanoTime() - begin;
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdownNow();
            }
            return Measure.of(nanos, 1, System.nanoTime() - start);
        });
        return new Result("2. durable appends, 8 threads, different aggregates", "events/s", true, m[0], m[1]);
    }

    Result batches() {
        Measure[] m = each(true, s -> {
            warm(s, 100);
            List<String> batch = IntStream.range(0, 100).mapToObj(Payloads::json).toList();
            for (int i = 0; i < 20; i++) {
                s.appendBatch("warmup-batched", i * 100L, TYPE, batch);
            }
            long[] nanos = new long[sizes.batches()];
            long start = System.nanoTime();
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                s.appendBatch("batched", i * 100L, TYPE, batch);
                nanos[i] = System.nanoTime() - t;
            }
            return Measure.of(nanos, 100, System.nanoTime() - start);
        });
        return new Result("3. batches of 100 events to one aggregate", "events/s", true, m[0], m[1]);
    }

    Result load(int events) {
        Measure[] m = each(false, s -> {
            for (int v = 0; v < events; v += 100) {
                int n = Math.min(100, events - v);
                s.appendBatch("loaded", v, TYPE, IntStream.range(v, v + n).mapToObj(Payloads::json).toList());
            }
            int reps = events >= 10_000 ? Math.max(10, sizes.loads() / 100) : sizes.loads();
            for (int i = 0; i < Math.min(reps, 50); i++) {
                s.load("loaded");
            }
            long[] nanos = new long[reps];
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                long t = System.nanoTime();
                if (s.load("loaded") != events) {
                    throw new IllegalStateException("wrong count");
                }
                nanos[i] = System.nanoTime() - t;
            }
            return Measure.of(nanos, 1, System.nanoTime() - start);
        });
        return new Result("4. load an aggregate of " + String.format("%,d", events) + " events (warm)", "loads/s", true,
                m[0], m[1]);
    }

    /** Read-all passes warmed up, then timed (together), per subject. */
    private static final int READ_ALL_ROUNDS = 3;
    /** Type and time queries warmed up, then timed, per subject. */
    private static final int QUERIES = 20;

    /** Read-all passes warmed up, then timed (together). */
    private static Measure readAll(Subject s) {
        for (int warm = 0; warm < READ_ALL_ROUNDS; warm++) {
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
    List<Result> reads() {
        var results = new ArrayList<Measure[]>();
        for (int k = 0; k < 6; k++) {
            results.add(new Measure[2]);
        }
        for (int i = 0; i < subjects.size(); i++) {
            Path dir = fresh(i);
            try (Subject s = subjects.get(i).apply(dir, false)) {
                Instant[] window = StoreFill.fill(s, sizes.readAllEvents());
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

    private interface Body {
        Measure run(Subject s);
    }

    /**
     * Runs {@code body} on a fresh store of each subject in turn, each after the operating system has written
     * back what the previous run left it ({@link StoreFill#settle}): the files of the previous store, or
     * the files of a checkpoint, would otherwise be written back during the next subject's run and slow it.
     */
    private Measure[] each(boolean durable, Body body) {
        Measure[] out = new Measure[subjects.size()];
        for (int i = 0; i < subjects.size(); i++) {
            Path dir = fresh(i);
            StoreFill.settle();
            try (Subject s = subjects.get(i).apply(dir, durable)) {
                out[i] = body.run(s);
            }
        }
        return out;
    }

    private static void warm(Subject s, int appends) {
        for (int i = 0; i < appends; i++) {
            s.append("warmup", i, TYPE, Payloads.json(i));
        }
    }

    /**
     * A new, empty directory for a store of {@code subject}. Stores are kept until the end of the run
     * ({@link BenchMain} deletes them all then): on a file system that avoids reusing recently deleted inodes
     * (ext4 without a journal, as on the reference machine, for 1 to 5 minutes after a deletion), creating a
     * file right after thousands were deleted costs several times more, so deleting one workload's store
     * would bill the next workload's file creations for the harness's clean-up.
     */
    Path fresh(int subject) {
        try {
            Path dir = work.resolve(String.format("%03d-%s", ++stores, subject == 0 ? "dossier" : "sqlite"));
            if (Files.exists(dir)) {
                throw new IllegalStateException(dir + " already exists: a store of an earlier run would be measured");
            }
            Files.createDirectories(dir.getParent());
            if (subject == 1) {
                Files.createDirectories(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<BiFunction<Path, Boolean, Subject>> subjects() {
        return subjects;
    }

    /** The subjects as {@link LargeStore} fills them: Dossier without automatic packing. */
    List<BiFunction<Path, Boolean, Subject>> fillers() {
        return List.of((dir, durable) -> new DossierSubject(dir, durable, false), SqliteSubject::new);
    }
}
