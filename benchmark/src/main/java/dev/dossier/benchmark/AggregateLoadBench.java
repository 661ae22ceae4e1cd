package dev.dossier.benchmark;

import dev.dossier.application.aggregate.AggregateDefinition;
import dev.dossier.application.aggregate.AggregateFold;
import dev.dossier.application.aggregate.AggregateRepository;
import dev.dossier.application.aggregate.SnapshotPolicy;
import dev.dossier.application.aggregate.SnapshotWriter;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import dev.dossier.infrastructure.filesystem.FileSystemSnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads one aggregate of 10,000 events from the filesystem store, with snapshots off and on (snapshot at
 * the last event, and 99 events behind it), and prints the median load times. Run:
 * {@code java -cp <benchmark classpath> dev.dossier.benchmark.AggregateLoadBench [events] [runs]}.
 */
public final class AggregateLoadBench {
    record Added(int quantity, long cents) {
    }

    record Tally(long items, long totalCents) {
    }

    private static final AggregateFold<Tally> FOLD = AggregateFold.of(() -> new Tally(0, 0),
            (t, e) -> e instanceof Added a ? new Tally(t.items() + a.quantity(), t.totalCents() + a.cents()) : t);
    private static final AggregateDefinition<Tally> PLAIN = AggregateDefinition.of("tally", FOLD);
    private static final AggregateDefinition<Tally> SNAPSHOTTED =
            PLAIN.withSnapshots(SnapshotPolicy.every(100, Tally.class, 1));

    private AggregateLoadBench() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path root = Files.createTempDirectory("dossier-aggregate-bench-").resolve("store");
        var types = EventTypeRegistry.empty().register("Added", Added.class);
        var options = FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED).withEventTypes(types);
        try (var store = FileSystemEventStore.open(options)) {
            var snapshots = FileSystemSnapshotStore.open(options);
            var off = AggregateRepository.builder().events(store).types(types).build();
            var on = AggregateRepository.builder().events(store).types(types)
                    .snapshots(SnapshotWriter.inline(snapshots)).build();
            append(store, "head", 0, events);
            append(store, "behind", 0, events - 99);
            on.load(SNAPSHOTTED, "head");
            on.load(SNAPSHOTTED, "behind");
            append(store, "behind", events - 99, events);
            check(off.load(PLAIN, "head").state(), on.load(SNAPSHOTTED, "head").state());
            check(off.load(PLAIN, "behind").state(), on.load(SNAPSHOTTED, "behind").state());
            System.out.printf("Loading one aggregate of %,d events (filesystem store, median of %d runs after warm-up)%n",
                    events, runs);
            double plain = median(runs, () -> off.load(PLAIN, "head"));
            double head = median(runs, () -> on.load(SNAPSHOTTED, "head"));
            double behind = median(runs, () -> on.load(SNAPSHOTTED, "behind"));
            System.out.printf("  snapshots off                      %9.2f ms%n", plain);
            System.out.printf("  snapshots on, snapshot at the end  %9.2f ms  (%.0fx faster)%n", head, plain / head);
            System.out.printf("  snapshots on, 99 events after it   %9.2f ms  (%.0fx faster)%n", behind, plain / behind);
        } finally {
            Workloads.delete(root.getParent());
        }
    }

    private static void append(FileSystemEventStore store, String id, int from, int to) {
        StreamId stream = StreamId.of("tally", id);
        for (int start = from; start < to; start += 500) {
            List<NewEvent> batch = new ArrayList<>();
            for (int i = start; i < Math.min(to, start + 500); i++) {
                batch.add(NewEvent.of("Added", new Added(1, i)));
            }
            store.append(stream, ExpectedVersion.exactly(start), batch);
        }
    }

    private static void check(Tally expected, Tally actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("snapshot load differs: " + expected + " vs " + actual);
        }
    }

    private static double median(int runs, Runnable load) {
        for (int i = 0; i < 3; i++) {
            load.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            load.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
