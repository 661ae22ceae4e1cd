package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payload of a registered type is bound to its class in the same pass that reads the envelope. That pass
 * refuses what a separate check of the payload refused: malformed JSON (reported as such, not as a payload
 * that does not fit its class) and duplicate keys at any depth.
 */
class BoundPayloadReadingTest {
    record Deposited(long cents, String note, List<String> tags) {
    }

    private static final StreamId STREAM = StreamId.of("account", "a");
    private static final EventTypeRegistry TYPES = EventTypeRegistry.empty().register("Deposited", Deposited.class);

    @TempDir
    Path dir;
    private Path root;
    private Path file;

    @BeforeEach
    void writeOneEvent() throws IOException {
        root = dir.resolve("store");
        try (var store = open()) {
            store.append(STREAM, ExpectedVersion.noStream(), NewEvent.of("Deposited", new Deposited(100, "first", List.of("a", "b"))));
        }
        try (Stream<Path> files = Files.list(root.resolve("account").resolve("a"))) {
            file = files.findFirst().orElseThrow();
        }
    }

    private FileSystemEventStore open() {
        return FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED)
                .withEventTypes(TYPES));
    }

    private List<RecordedEvent> read() {
        try (var store = open()) {
            return store.readStream(STREAM);
        }
    }

    private void edit(String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private void assertReadingReports(String problem) {
        assertThatThrownBy(this::read).isInstanceOfSatisfying(CorruptDataException.class,
                e -> assertThat(e.file()).endsWith(file.getFileName().toString())).hasMessageContaining(problem);
    }

    @Test
    void a_registered_payload_is_bound_with_its_text_kept() {
        RecordedEvent event = read().get(0);
        assertThat(event.payload()).isEqualTo(new Deposited(100, "first", List.of("a", "b")));
        assertThat(event.data().json()).isEqualTo("{\"cents\":100,\"note\":\"first\",\"tags\":[\"a\",\"b\"]}");
    }

    @Test
    void a_duplicate_key_in_a_registered_payload_is_reported_with_its_path() throws IOException {
        edit("\"data\": {", "\"data\": {\"cents\":1,");
        assertReadingReports("Duplicate field 'cents'");
    }

    @Test
    void a_duplicate_key_nested_in_a_registered_payload_is_reported() throws IOException {
        edit("\"note\":\"first\"", "\"note\":\"first\",\"extra\":{\"k\":1,\"k\":2}");
        assertReadingReports("Duplicate field 'k'");
    }

    @Test
    void malformed_json_in_a_registered_payload_is_reported_as_invalid_json() throws IOException {
        edit("\"cents\":100,", "\"cents\":100,,");
        assertReadingReports("not valid JSON");
    }

    @Test
    void malformed_json_inside_a_field_of_a_registered_payload_is_reported_as_invalid_json() throws IOException {
        edit("\"note\":\"first\"", "\"note\":\"fi\\qrst\"");
        assertReadingReports("not valid JSON");
        edit("\"note\":\"fi\\qrst\"", "\"note\":\"first\"");
        edit("[\"a\",\"b\"]", "[\"a\",,\"b\"]");
        assertReadingReports("not valid JSON");
    }

    @Test
    void a_duplicate_key_deep_in_a_registered_payload_is_reported_after_an_object_where_text_belongs()
            throws IOException {
        edit("\"causationId\": null", "\"causationId\": {\"z\": {\"q\": 1}}");
        edit("\"note\":\"first\"", "\"note\":\"first\",\"extra\":{\"k\":1,\"k\":2}");
        assertReadingReports("Duplicate field 'k'");
    }

    @Test
    void a_registered_payload_that_does_not_fit_its_class_is_reported() throws IOException {
        edit("\"cents\":100", "\"cents\":\"a lot\"");
        assertReadingReports("does not fit");
    }

    @Test
    void a_number_too_large_for_its_field_is_reported_as_not_fitting_the_class() throws IOException {
        edit("\"cents\":100", "\"cents\":99999999999999999999");
        assertReadingReports("does not fit");
    }

    @Test
    void a_payload_written_before_the_event_type_is_still_bound() throws IOException {
        String text = Files.readString(file);
        int data = text.indexOf("  \"data\":");
        String moved = "{\n" + text.substring(data, text.lastIndexOf('}')).stripTrailing() + ",\n"
                + text.substring(2, data).stripTrailing().replaceAll(",$", "") + "\n}\n";
        Files.writeString(file, moved);
        assertThat(read().get(0).payload()).isEqualTo(new Deposited(100, "first", List.of("a", "b")));
    }
}
