package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Model-based: random appends (single events, small batches, range-file batches), packs with random
 * {@code keep}, automatic packs and reopens, against a list of what was appended. Every read returns
 * exactly the model, whatever lies in which file, and verify finds nothing wrong.
 */
class PackingProperties {
    private static final List<StreamId> STREAMS = List.of(StreamId.of("order", "a"), StreamId.of("order", "b"),
            StreamId.of("invoice", "c"));

    enum Kind { APPEND, PACK, REOPEN }

    record Step(Kind kind, int stream, int size) {
    }

    @Property(tries = 40)
    void reads_return_what_was_appended_across_packs_range_files_and_reopens(@ForAll("steps") List<Step> steps)
            throws IOException {
        Path root = Files.createTempDirectory("dossier-packing-");
        var model = new ArrayList<RecordedEvent>();
        Map<StreamId, List<RecordedEvent>> byStream = new HashMap<>();
        var options = FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED).withPackEvery(7)
                .withCheckpointInterval(16);
        var store = FileSystemEventStore.open(options);
        try {
            for (Step step : steps) {
                StreamId stream = STREAMS.get(step.stream());
                switch (step.kind()) {
                    case APPEND -> {
                        long version = byStream.getOrDefault(stream, List.of()).size();
                        var written = store.append(stream, ExpectedVersion.exactly(version), events(step.size()));
                        model.addAll(written.events());
                        byStream.computeIfAbsent(stream, s -> new ArrayList<>()).addAll(written.events());
                    }
                    case PACK -> {
                        store.close();
                        store = FileSystemEventStore.open(options.withPackKeep(step.size()));
                        store.pack();
                    }
                    case REOPEN -> {
                        store.close();
                        store = FileSystemEventStore.open(options);
                    }
                }
            }
            assertThat(store.readAll(GlobalPosition.FIRST, Integer.MAX_VALUE)).isEqualTo(model);
            for (StreamId stream : STREAMS) {
                assertThat(store.readStream(stream)).isEqualTo(byStream.getOrDefault(stream, List.of()));
            }
            store.close();
            assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
            boolean ranges;
            try (var files = Files.walk(root)) {
                ranges = files.anyMatch(p -> p.toString().endsWith(".jsonl") && !p.startsWith(root.resolve("metadata")));
            }
            Statistics.label("range files").collect(ranges);
            Statistics.label("range files").coverage(c -> c.check(true).percentage(p -> p > 30));
        } finally {
            store.close();
            FileSystemFixture.deleteTree(root);
        }
    }

    private static List<NewEvent> events(int size) {
        return IntStream.range(0, size).mapToObj(i -> NewEvent.of("Noted", RawJson.of("{\"i\":" + i + "}"))).toList();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> append = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 14)).as((s, n) -> new Step(Kind.APPEND, s, n));
        Arbitrary<Step> pack = Arbitraries.integers().between(1, 5).map(keep -> new Step(Kind.PACK, 0, keep));
        Arbitrary<Step> reopen = Arbitraries.just(new Step(Kind.REOPEN, 0, 0));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, append), net.jqwik.api.Tuple.of(2, pack),
                net.jqwik.api.Tuple.of(1, reopen)).list().ofMinSize(1).ofMaxSize(30);
    }
}
