package dev.dossier.benchmark;

import dev.dossier.application.subscription.Subscription;
import dev.dossier.application.subscription.SubscriptionOptions;
import dev.dossier.application.subscription.Subscriptions;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.application.subscription.SubscriptionPorts;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemCheckpointStore;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import dev.dossier.infrastructure.filesystem.FileSystemParkedEventStore;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Subscription figures: append-to-delivery latency in this process and from another process, and catch-up
 * speed. {@code java -cp <benchmark classpath> dev.dossier.benchmark.SubscriptionBench [catch-up events]}.
 * Latencies use {@link System#nanoTime()}, which on Linux is CLOCK_MONOTONIC and so comparable between
 * processes on one machine.
 */
public final class SubscriptionBench {
    private static final int LATENCY_EVENTS = 300;

    private SubscriptionBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("append")) {
            appendTimed(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int catchUpEvents = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path work = Files.createTempDirectory("dossier-subscription-bench");
        try {
            System.out.println("same process, SYNC:    " + latency(work.resolve("same"), false));
            System.out.println("other process, SYNC:   " + latency(work.resolve("other"), true));
            System.out.println("catch-up:              " + catchUp(work.resolve("catch-up"), catchUpEvents));
        } finally {
            Workloads.delete(work);
        }
    }

    /** Delivery latency of {@value #LATENCY_EVENTS} events appended one at a time, 5 ms apart. */
    private static String latency(Path root, boolean otherProcess) throws Exception {
        FileStoreOptions options = FileStoreOptions.at(root).withDurability(Durability.SYNC);
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var done = new CountDownLatch(LATENCY_EVENTS);
        try (FileSystemEventStore store = FileSystemEventStore.open(options);
             Subscriptions subscriptions = subscriptions(store, options)) {
            Subscription subscription = subscriptions.subscribe(SubscriberName.of("bench"), event -> {
                latencies.add(System.nanoTime() - sentAt(event));
                done.countDown();
            }, SubscriptionOptions.defaults().pollInterval(Duration.ofSeconds(30)));
            subscription.awaitCaughtUp(Duration.ofSeconds(30));
            if (otherProcess) {
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), SubscriptionBench.class.getName(), "append",
                        root.toString(), Integer.toString(LATENCY_EVENTS)).inheritIO().start();
                child.waitFor(5, TimeUnit.MINUTES);
            } else {
                append(store, LATENCY_EVENTS);
            }
            done.await(1, TimeUnit.MINUTES);
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        return String.format("append->delivery p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d events)",
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6,
                sorted.size());
    }

    private static void appendTimed(Path root, int count) throws Exception {
        try (FileSystemEventStore store = FileSystemEventStore.open(FileStoreOptions.at(root)
                .withDurability(Durability.SYNC))) {
            append(store, count);
        }
    }

    private static void append(FileSystemEventStore store, int count) throws InterruptedException {
        var durations = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            long before = System.nanoTime();
            store.append(StreamId.of("bench", "b-" + (i % 10)), ExpectedVersion.any(),
                    NewEvent.of("Timed", RawJson.of("{\"sentNanos\":" + before + "}")));
            durations.add(System.nanoTime() - before);
            Thread.sleep(5);
        }
        List<Long> sorted = durations.stream().sorted().toList();
        System.out.printf("  (the append itself, SYNC: p50 %.2f ms, p99 %.2f ms)%n", ms(sorted, 0.5), ms(sorted, 0.99));
    }

    private static long sentAt(RecordedEvent event) {
        String json = event.data().json();
        return Long.parseLong(json.substring(json.indexOf(':') + 1, json.indexOf('}')).trim());
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }

    /** Events per second a new subscriber reads from the beginning until caught up (checkpoint per 256). */
    private static String catchUp(Path root, int events) throws Exception {
        FileStoreOptions options = FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED);
        try (FileSystemEventStore store = FileSystemEventStore.open(options);
             Subscriptions subscriptions = subscriptions(store, options)) {
            for (int i = 0; i < events; i += 100) {
                var batch = new ArrayList<NewEvent>();
                for (int b = 0; b < 100; b++) {
                    batch.add(NewEvent.of(b == 0 ? "Rare" : "Filled", RawJson.of("{\"i\":" + (i + b) + ",\"note\":\"some payload text\"}")));
                }
                store.append(StreamId.of("fill", "f-" + (i / 100)), ExpectedVersion.any(), batch);
            }
            long[] seen = new long[1];
            long started = System.nanoTime();
            Subscription subscription = subscriptions.subscribe(SubscriberName.of("catch-up"), e -> seen[0]++,
                    SubscriptionOptions.defaults());
            subscription.awaitCaughtUp(Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] rare = new long[1];
            long filteredStart = System.nanoTime();
            subscriptions.subscribe(SubscriberName.of("rare"), e -> rare[0]++, SubscriptionOptions.defaults()
                    .filter(dev.dossier.application.subscription.EventFilter.eventTypes("Rare")))
                    .awaitCaughtUp(Duration.ofMinutes(10));
            double filtered = (System.nanoTime() - filteredStart) / 1e9;
            return String.format("%d events in %.2f s = %.0f events/s; filtered on a type that is 1%% of them:"
                    + " %d events in %.3f s (%.0f store events/s)", seen[0], seconds, seen[0] / seconds, rare[0],
                    filtered, events / filtered);
        }
    }

    private static Subscriptions subscriptions(FileSystemEventStore store, FileStoreOptions options) {
        return Subscriptions.withDaemonThreads(new SubscriptionPorts(store, store, FileSystemCheckpointStore.open(options),
                FileSystemParkedEventStore.open(options), Clock.systemUTC()), "bench");
    }
}
