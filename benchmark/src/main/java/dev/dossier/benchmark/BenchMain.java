package dev.dossier.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every workload on Dossier and on SQLite, prints a table and writes {@code results.json} and
 * {@code results.html} to {@code -Dbench.out} (default {@code target/bench}). {@code -Dbench.quick=true}
 * runs smaller sizes and skips the one-million-event workloads. The file system's own costs
 * ({@link MachineProbe}) are measured before and after the workloads and reported with them.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        boolean quick = Boolean.getBoolean("bench.quick");
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Path work = out.resolve("work");
        Files.createDirectories(out);
        requireSpace(out, quick ? 1 : 6);
        // A leftover of an aborted run is deleted at the end, not now: deleting its files would slow the file
        // creations of the workloads timed in the next minutes (see Workloads.fresh).
        Path leftover = out.resolve("work-leftover-" + System.nanoTime());
        if (Files.exists(work)) {
            Files.move(work, leftover);
        }
        var sizes = quick ? Workloads.Sizes.small() : Workloads.Sizes.large();
        var workloads = new Workloads(work, sizes);
        long started = System.nanoTime();
        List<Result> results = new ArrayList<>();
        MachineProbe before = MachineProbe.measure(work.resolve("probe-before"));
        System.out.println("machine before: " + before);
        workloads.warmUp();
        results.add(report(workloads.singleAppend()));
        results.add(report(workloads.threadedAppends()));
        results.add(report(workloads.batches()));
        results.add(report(workloads.load(100)));
        results.add(report(workloads.load(10_000)));
        // The large store runs before the reads: workload 8b packs, and a pack deletes thousands of files,
        // which would slow the file creations of any workload timed in the minutes after it (see Workloads.fresh).
        List<Result> large = sizes.full()
                ? new LargeStore(workloads, Integer.getInteger("bench.large", 1_000_000)).run() : List.of();
        new ReadWorkloads(workloads, sizes).run().forEach(r -> results.add(report(r)));
        large.forEach(r -> results.add(report(r)));
        MachineProbe after = MachineProbe.measure(work.resolve("probe-after"));
        System.out.println("machine after: " + after);
        var report = new Report(results, quick ? "quick" : "full", (System.nanoTime() - started) / 1e9,
                List.of(before, after));
        Files.writeString(out.resolve("results.json"), report.json());
        Files.writeString(out.resolve("results.html"), report.html());
        Workloads.delete(work);
        Workloads.delete(leftover);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Wrote " + out.resolve("results.json") + " and " + out.resolve("results.html"));
    }

    /** Refuses to start without {@code gib} GiB free: every store is kept until the end of the run. */
    private static void requireSpace(Path out, long gib) throws IOException {
        long free = Files.getFileStore(out).getUsableSpace();
        if (free < gib << 30) {
            throw new IllegalStateException(String.format("the benchmark needs %d GiB free under %s (it keeps every"
                    + " store until the end of the run) and %.1f GiB are free", gib, out.toAbsolutePath(), free / (double) (1L << 30)));
        }
    }

    private static Result report(Result result) {
        System.out.printf("%-58s dossier %,14.1f  sqlite %,14.1f  %s  ratio %.2f%n", result.name(),
                result.dossier().opsPerSec(), result.sqlite().opsPerSec(), result.unit(), result.ratio());
        return result;
    }
}
