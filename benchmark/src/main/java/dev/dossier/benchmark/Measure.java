package dev.dossier.benchmark;

import java.util.Arrays;

/**
 * One subject's figures for one workload.
 *
 * @param opsPerSec throughput in the workload's unit (events, loads, queries) per second
 */
record Measure(double opsPerSec, double p50Micros, double p99Micros) {

    /** Throughput and latency percentiles from per-operation durations in nanoseconds. */
    static Measure of(long[] nanos, long unitsPerOp, long wallNanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double ops = (double) nanos.length * unitsPerOp / (wallNanos / 1e9);
        return new Measure(ops, percentile(sorted, 0.50) / 1e3, percentile(sorted, 0.99) / 1e3);
    }

    /** Only a throughput (a single timed run). */
    static Measure throughput(long units, long wallNanos) {
        double micros = wallNanos / 1e3;
        return new Measure(units / (wallNanos / 1e9), micros, micros);
    }

    /** A figure that is not a rate (e.g. bytes per byte), kept in opsPerSec. */
    static Measure value(double value) {
        return new Measure(value, 0, 0);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
