package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.json.JsonSupport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payloads that are not JSON, nest too deeply, are too large or repeat a key are refused before anything is
 * written; payloads at the limits are stored and read back. (Invalid UTF-8 cannot be expressed in a Java
 * string; it is tested on files on disk in {@link DamagedFilesTest}.)
 */
class HostilePayloadsTest {
    private static final StreamId STREAM = StreamId.of("payload", "p");

    @TempDir
    Path dir;

    private FileSystemEventStore open(int maxPayloadBytes) {
        return FileSystemEventStore.open(FileStoreOptions.at(dir.resolve("store")).withDurability(Durability.OS_BUFFERED)
                .withMaxPayloadBytes(maxPayloadBytes));
    }

    @Test
    void invalid_json_and_duplicate_keys_are_refused_and_nothing_is_written() {
        try (var store = open(0)) {
            for (String bad : List.of("{", "{\"a\":}", "nope", "{\"a\":1} trailing", "{\"a\":1,\"a\":2}", "[1,]", "'x'",
                    "{\"a\":NaN}")) {
                assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.any(), NewEvent.of("E", RawJson.of(bad))))
                        .as(bad).isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
            }
            assertThat(store.lastPosition()).isZero();
        }
    }

    @Test
    void a_payload_nested_deeper_than_the_limit_is_refused_and_one_at_the_limit_can_be_read_back() {
        try (var store = open(0)) {
            int deepest = JsonSupport.MAX_NESTING_DEPTH - 1;
            store.append(STREAM, ExpectedVersion.any(), NewEvent.of("E", RawJson.of(nested(deepest))));
            store.append(STREAM, ExpectedVersion.any(), NewEvent.of("E", nestedObject(deepest)));
            for (int tooDeep : List.of(deepest + 1, JsonSupport.MAX_NESTING_DEPTH + 1, 5_000)) {
                assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.any(), NewEvent.of("E", RawJson.of(nested(tooDeep)))))
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("nest");
                assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.any(), NewEvent.of("E", nestedObject(tooDeep))))
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("nest");
            }
            assertThat(store.readStream(STREAM)).hasSize(2);
        }
        try (var reopened = open(0)) {
            assertThat(reopened.readStream(STREAM)).hasSize(2);
        }
    }

    @Test
    void a_payload_over_the_size_limit_is_refused_with_the_limit_in_the_message() {
        try (var store = open(1000)) {
            String fits = "{\"s\":\"" + "x".repeat(1000 - 8) + "\"}";
            store.append(STREAM, ExpectedVersion.any(), NewEvent.of("E", RawJson.of(fits)));
            assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.any(),
                    NewEvent.of("E", RawJson.of("{\"s\":\"" + "x".repeat(1000) + "\"}"))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("the limit is 1000 bytes");
            assertThat(store.readStream(STREAM)).singleElement().satisfies(e -> assertThat(e.data().json()).isEqualTo(fits));
        }
        try (var store = open(0)) {
            assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.any(),
                    NewEvent.of("E", Map.of("s", "x".repeat(1024 * 1024))))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("the limit is 1048576 bytes");
        }
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static Object nestedObject(int depth) {
        Map<String, Object> node = new LinkedHashMap<>();
        for (int i = 1; i < depth; i++) {
            node = new LinkedHashMap<>(Map.of("n", node));
        }
        return node;
    }
}
