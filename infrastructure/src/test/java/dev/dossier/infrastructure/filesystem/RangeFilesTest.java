package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.contract.SteppingClock;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch of ten or more events is one JSON Lines range file, as docs/format.md describes. */
class RangeFilesTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1");

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T13:09:02.123Z"));

    private FileSystemEventStore open() {
        return FileSystemEventStore.open(FileStoreOptions.at(dir.resolve("store")).withClock(clock));
    }

    private static List<NewEvent> batch(int size) {
        return IntStream.rangeClosed(1, size)
                .mapToObj(i -> NewEvent.of("ItemAdded", RawJson.of("{\"line\":" + i + ",\"sku\":\"x\"}"))).toList();
    }

    @Test
    void a_batch_of_ten_events_is_one_range_file_named_by_its_first_and_last_stamps() throws IOException {
        try (var store = open()) {
            store.append(ORDER, ExpectedVersion.noStream(), batch(10));
        }
        assertThat(list(dir.resolve("store/order/o-1")))
                .containsExactly("20261123130902123000-20261123130902123009.jsonl");
    }

    @Test
    void a_batch_of_nine_events_stays_one_file_per_event() throws IOException {
        try (var store = open()) {
            store.append(ORDER, ExpectedVersion.noStream(), batch(9));
        }
        assertThat(list(dir.resolve("store/order/o-1"))).hasSize(9).allMatch(name -> name.endsWith("-ItemAdded.json"));
    }

    @Test
    void each_line_is_the_event_envelope_led_by_its_stamp_and_reads_back_as_the_same_event() throws IOException {
        List<RecordedEvent> appended;
        try (var store = open()) {
            appended = store.append(ORDER, ExpectedVersion.noStream(), batch(12)).events();
        }
        Path range = dir.resolve("store/order/o-1/20261123130902123000-20261123130902123011.jsonl");
        List<String> lines = Files.readAllLines(range);
        assertThat(lines).hasSize(12);
        JsonNode third = JsonSupport.mapper().readTree(lines.get(2));
        assertThat(third.path("stamp").asText()).isEqualTo("20261123130902123002");
        assertThat(third.path("aggregateVersion").asLong()).isEqualTo(3);
        assertThat(third.path("data").path("line").asInt()).isEqualTo(3);
        try (var store = open()) {
            assertThat(store.readStream(ORDER)).isEqualTo(appended);
            assertThat(store.readAll(GlobalPosition.of(5), 3)).isEqualTo(appended.subList(4, 7));
        }
        assertThat(FileStoreVerifier.at(dir.resolve("store")).verify().problems()).isEmpty();
    }

    @Test
    void a_store_whose_index_is_lost_rebuilds_it_from_range_files_and_event_files() throws IOException {
        List<RecordedEvent> all;
        try (var store = open()) {
            store.append(ORDER, ExpectedVersion.noStream(), batch(3));
            store.append(ORDER, ExpectedVersion.exactly(3), batch(11));
            all = store.readStream(ORDER);
        }
        Files.delete(dir.resolve("store/metadata/event-index.jsonl"));
        try (var store = open()) {
            assertThat(store.readStream(ORDER)).isEqualTo(all);
        }
    }

    @Test
    void verify_reports_a_range_file_line_that_disagrees_with_the_index() throws IOException {
        try (var store = open()) {
            store.append(ORDER, ExpectedVersion.noStream(), batch(10));
        }
        Path range = dir.resolve("store/order/o-1/20261123130902123000-20261123130902123009.jsonl");
        List<String> lines = Files.readAllLines(range);
        lines.set(4, lines.get(4).replace("\"aggregateVersion\": 5", "\"aggregateVersion\": 50"));
        Files.write(range, lines);
        var report = FileStoreVerifier.at(dir.resolve("store")).verify();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.path()).endsWith(".jsonl line 5"));
    }

    static List<String> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
