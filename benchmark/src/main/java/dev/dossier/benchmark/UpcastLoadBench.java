package dev.dossier.benchmark;

import static dev.dossier.infrastructure.schema.FieldTransformation.add;
import static dev.dossier.infrastructure.schema.FieldTransformation.rename;

import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What upcasting costs on workload 4's shape (load an aggregate of 100 events, payloads bound to
 * {@link Payloads.Sample}): (a) events at the current version, no upcasters; (b) the same store with
 * upcasters configured (the pass-through check only); (c) every event stored at v1 (a renamed field and a
 * missing one) and upcast on each read; (d) a control: (c)'s files read into a v1 class, without
 * upcasting, which separates the upcasting from the files' differences. Rounds of the three are interleaved so that load on a shared
 * machine hits them alike. Run: {@code java -cp <benchmark classpath> dev.dossier.benchmark.UpcastLoadBench [loads] [rounds]}.
 */
public final class UpcastLoadBench {
    private static final StreamId STREAM = StreamId.of("bench", "loaded");
    private static final EventTypeRegistry TYPES = EventTypeRegistry.empty().register("Sample", Payloads.Sample.class, 2);
    private static final SchemaEvolution EVOLUTION = SchemaEvolution.builder()
            .fields("Sample", 1, rename("client", "customer"), add("currency", "EUR")).build();

    /** Version 1 of the payload, for the control: the same v1 files read without upcasting. */
    record SampleV1(String orderId, String client, String sku, int quantity, long unitPriceCents, String note,
                    List<String> tags, long sequence) {
    }

    private UpcastLoadBench() {
    }

    public static void main(String[] args) throws IOException {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path work = Files.createTempDirectory("dossier-upcast-bench-");
        var current = options(work.resolve("current"), SchemaEvolution.none());
        var old = options(work.resolve("old"), EVOLUTION);
        fill(current, 2, IntStream.range(0, 100).mapToObj(Payloads::json).toList());
        fill(old.withSchemas(SchemaEvolution.none()).withEventTypes(EventTypeRegistry.empty()), 1,
                IntStream.range(0, 100).mapToObj(i -> Payloads.json(i).replace("\"customer\"", "\"client\"")
                        .replace(",\"currency\":\"EUR\"", "")).toList());
        double[][] micros = new double[4][rounds];
        var control = old.withSchemas(SchemaEvolution.none())
                .withEventTypes(EventTypeRegistry.empty().register("Sample", SampleV1.class, 1));
        try (var a = FileSystemEventStore.open(current); var b = FileSystemEventStore.open(current.withSchemas(EVOLUTION));
             var c = FileSystemEventStore.open(old); var d = FileSystemEventStore.open(control)) {
            if (!c.readStream(STREAM).stream().map(e -> e.payload()).toList()
                    .equals(a.readStream(STREAM).stream().map(e -> e.payload()).toList())) {
                throw new IllegalStateException("upcast events differ from current ones");
            }
            for (int round = 0; round < rounds; round++) {
                micros[0][round] = median(a, loads);
                micros[1][round] = median(b, loads);
                micros[2][round] = median(c, loads);
                micros[3][round] = median(d, loads);
            }
        }
        double base = middle(micros[0]);
        System.out.printf("load 100 events, median of %d rounds of %d loads (microseconds per load)%n", rounds, loads);
        System.out.printf("(a) current version, no upcasters:   %8.1f%n", base);
        System.out.printf("(b) current version, upcasters set:  %8.1f  (%+.1f%%)%n", middle(micros[1]), pct(middle(micros[1]), base));
        System.out.printf("(c) every event upcast v1 -> v2:     %8.1f  (%+.1f%%)%n", middle(micros[2]), pct(middle(micros[2]), base));
        System.out.printf("(d) control: (c)'s files, no upcast: %8.1f  (%+.1f%%; (c) is %+.1f%% of this)%n", middle(micros[3]),
                pct(middle(micros[3]), base), pct(middle(micros[2]), middle(micros[3])));
    }

    private static FileStoreOptions options(Path root, SchemaEvolution evolution) {
        return FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED).withEventTypes(TYPES).withSchemas(evolution);
    }

    private static void fill(FileStoreOptions options, int version, List<String> payloads) {
        try (var store = FileSystemEventStore.open(options)) {
            store.append(STREAM, ExpectedVersion.noStream(), payloads.stream().map(json -> NewEvent.builder()
                    .type("Sample").payload(RawJson.of(json)).schema(version).build()).toList());
        }
    }

    private static double median(FileSystemEventStore store, int loads) {
        long[] nanos = new long[loads];
        for (int i = 0; i < loads; i++) {
            long start = System.nanoTime();
            if (store.readStream(STREAM).size() != 100) {
                throw new IllegalStateException("lost events");
            }
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[loads / 2] / 1e3;
    }

    private static double middle(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double pct(double value, double base) {
        return (value / base - 1) * 100;
    }
}
