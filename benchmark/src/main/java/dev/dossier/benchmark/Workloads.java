package dev.dossier.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
