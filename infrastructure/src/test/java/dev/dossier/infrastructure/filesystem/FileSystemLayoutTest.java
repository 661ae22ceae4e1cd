package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.contract.SteppingClock;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files on disk are exactly what docs/format.md describes. */
class FileSystemLayoutTest {
    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T13:09:02.123Z"));

    private FileSystemEventStore open() {
        return FileSystemEventStore.open(FileStoreOptions.at(dir.resolve("store")).withClock(clock));
    }

    @Test
    void each_event_is_one_json_file_named_by_stamp_and_event_type_under_type_and_id() throws IOException {
        try (var store = open()) {
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.noStream(),
                    List.of(NewEvent.of("OrderPlaced", RawJson.of("{\"customer\":\"ada\"}")),
                            NewEvent.of("ItemAdded", RawJson.of("{\"sku\":\"x\"}"))));
        }

        assertThat(list(dir.resolve("store/order/o-1"))).containsExactly(
                "20261123130902123000-OrderPlaced.json", "20261123130902123001-ItemAdded.json");
        assertThat(list(dir.resolve("store/metadata"))).containsExactlyInAnyOrder("format.json",
                "event-index.jsonl", "journal.jsonl", "write.lock", "aggregate-types.json", "event-schema-versions.json",
                "storage-statistics.json");
    }

    @Test
    void an_event_file_holds_the_envelope_in_a_fixed_key_order_and_the_payload_under_data() throws IOException {
        try (var store = open()) {
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.noStream(),
                    NewEvent.of("OrderPlaced", RawJson.of("{\"customer\":\"ada\"}")).toBuilder()
                            .correlation("req-1").metadata(Map.of("actor", "ann")).build());
        }
        Path file = dir.resolve("store/order/o-1/20261123130902123000-OrderPlaced.json");
        String text = Files.readString(file);
        JsonNode json = JsonSupport.mapper().readTree(text);

        var keys = new ArrayList<String>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("eventId", "eventType", "schemaVersion", "aggregateType", "aggregateId",
                "aggregateVersion", "globalPosition", "timestamp", "previousEventId", "correlationId",
                "causationId", "metadata", "data");
        assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-23T13:09:02.123Z");
        assertThat(json.get("correlationId").asText()).isEqualTo("req-1");
        assertThat(json.get("data").get("customer").asText()).isEqualTo("ada");
        assertThat(text).startsWith("{\n  \"eventId\": \"").endsWith("}\n");
    }

    @Test
    void names_with_capitals_and_unsafe_characters_are_encoded_in_directory_names() throws IOException {
        try (var store = open()) {
            store.append(StreamId.of("Order", "a/b é"), ExpectedVersion.any(), NewEvent.of("Placed", RawJson.of("1")));
        }

        assertThat(Files.isDirectory(dir.resolve("store/^order/a%2Fb%20%C3%A9"))).isTrue();
    }

    @Test
    void the_index_has_one_line_per_event_with_a_commit_mark_on_the_last_of_each_batch() throws IOException {
        try (var store = open()) {
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(),
                    List.of(NewEvent.of("A", RawJson.of("1")), NewEvent.of("B", RawJson.of("2"))));
            store.append(StreamId.of("order", "o-2"), ExpectedVersion.any(), NewEvent.of("C", RawJson.of("3")));
        }
        List<String> lines = Files.readAllLines(dir.resolve("store/metadata/event-index.jsonl"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"p\":1,\"s\":\"20261123130902123000\",\"t\":\"order\",\"i\":\"o-1\",\"v\":1,\"e\":\"A\"")
                .doesNotContain("\"c\"");
        assertThat(lines.get(1)).endsWith(",\"c\":1}");
        assertThat(lines.get(2)).endsWith(",\"c\":1}");
    }

    @Test
    void registries_are_exact_after_a_clean_close() throws IOException {
        try (var store = open()) {
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(), NewEvent.of("A", RawJson.of("{}")));
            clock.advance(Duration.ofSeconds(1));
            store.append(StreamId.of("customer", "c-1"), ExpectedVersion.any(), NewEvent.of("B", RawJson.of("{}")));
        }
        JsonNode stats = JsonSupport.mapper().readTree(dir.resolve("store/metadata/storage-statistics.json").toFile());
        JsonNode types = JsonSupport.mapper().readTree(dir.resolve("store/metadata/aggregate-types.json").toFile());
        JsonNode schemas = JsonSupport.mapper().readTree(dir.resolve("store/metadata/event-schema-versions.json").toFile());

        assertThat(stats.get("events").asLong()).isEqualTo(2);
        assertThat(stats.get("throughPosition").asLong()).isEqualTo(2);
        assertThat(stats.get("lastWrite").asText()).isEqualTo("2026-11-23T13:09:03.123Z");
        assertThat(types.get("aggregateTypes").get("order").get("events").asLong()).isEqualTo(1);
        assertThat(schemas.get("eventTypes").get("B").get("versionsOnDisk").get("1").asLong()).isEqualTo(1);
    }

    @Test
    void files_and_directories_are_private_to_the_owner_by_default() throws IOException {
        try (var store = open()) {
            store.append(StreamId.of("order", "o-1"), ExpectedVersion.any(), NewEvent.of("A", RawJson.of("{}")));
        }
        Path file;
        try (Stream<Path> files = Files.list(dir.resolve("store/order/o-1"))) {
            file = files.findFirst().orElseThrow();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("store/order"))))
                .isEqualTo("rwx------");
    }

    private static List<String> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
