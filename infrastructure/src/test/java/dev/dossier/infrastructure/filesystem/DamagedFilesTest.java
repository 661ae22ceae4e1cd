package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files damaged or planted on disk while the store was closed: reading reports a
 * {@link CorruptDataException} naming the file; no event is silently dropped or invented; no symbolic
 * link is followed.
 */
class DamagedFilesTest {
    private static final StreamId STREAM = StreamId.of("account", "a");

    @TempDir
    Path dir;
    private Path root;
    private List<RecordedEvent> written;

    @BeforeEach
    void writeThreeEvents() {
        root = dir.resolve("store");
        try (var store = open()) {
            written = store.append(STREAM, ExpectedVersion.noStream(), List.of(
                    NewEvent.of("Opened", RawJson.of("{\"owner\":\"ann\"}")),
                    NewEvent.of("Deposited", RawJson.of("{\"cents\":100}")),
                    NewEvent.of("Deposited", RawJson.of("{\"cents\":200}")))).events();
        }
    }

    private FileSystemEventStore open() {
        return FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED));
    }

    private Path fileOf(int version) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("account").resolve("a"))) {
            return files.sorted().toList().get(version - 1);
        }
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private void assertReadingReports(Path file, String problem) {
        try (var store = open()) {
            assertThatThrownBy(() -> store.readStream(STREAM)).isInstanceOfSatisfying(CorruptDataException.class,
                    e -> assertThat(e.file()).isEqualTo(relative(file))).hasMessageContaining(problem);
            assertThatThrownBy(() -> store.readAll(GlobalPosition.FIRST, 10)).isInstanceOf(CorruptDataException.class);
            assertThat(store.countEvents()).as("no event dropped from the index").isEqualTo(3);
        }
    }

    @Test
    void a_truncated_event_file_is_reported_with_its_path() throws IOException {
        Path file = fileOf(2);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertReadingReports(file, "not valid JSON");
    }

    /** Reads keep recently read files in memory; a file found damaged is not kept, so a repair is seen at once. */
    @Test
    void a_damaged_event_file_is_read_again_once_repaired_while_the_store_stays_open() throws IOException {
        Path file = fileOf(2);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        try (var store = open()) {
            assertThatThrownBy(() -> store.readStream(STREAM)).isInstanceOf(CorruptDataException.class);
            Files.write(file, bytes);
            assertThat(store.readStream(STREAM)).isEqualTo(written);
        }
    }

    @Test
    void a_zero_length_event_file_is_reported_with_its_path() throws IOException {
        Path file = fileOf(3);
        Files.write(file, new byte[0]);
        assertReadingReports(file, "empty");
    }

    @Test
    void an_event_file_with_invalid_utf8_is_reported_with_its_path() throws IOException {
        Path file = fileOf(1);
        String text = Files.readString(file);
        int at = text.indexOf("ann");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        Files.write(file, bytes);
        assertReadingReports(file, "UTF-8");
    }

    @Test
    void an_event_file_with_a_duplicate_key_is_reported_with_its_path() throws IOException {
        Path file = fileOf(2);
        Files.writeString(file, Files.readString(file).replace("\"aggregateVersion\": 2,",
                "\"aggregateVersion\": 2, \"aggregateVersion\": 2,"));
        assertReadingReports(file, "Duplicate field");
    }

    @Test
    void a_duplicate_key_in_the_payload_or_the_metadata_is_reported_with_its_path() throws IOException {
        Path file = fileOf(2);
        String original = Files.readString(file);
        Files.writeString(file, original.replace("\"data\": {", "\"data\": {\"dup\":1,\"dup\":2,"));
        assertReadingReports(file, "Duplicate field");
        Files.writeString(file, original.replace("\"metadata\": {", "\"metadata\": {\"m\":\"1\",\"m\":\"2\","));
        assertReadingReports(file, "Duplicate field");
    }

    @Test
    void a_duplicate_key_inside_a_field_the_format_does_not_know_is_reported_with_its_path() throws IOException {
        Path file = fileOf(2);
        Files.writeString(file, Files.readString(file).replace("\"metadata\": {",
                "\"note\": {\"by\": \"ann\", \"by\": \"bob\"},\n  \"metadata\": {"));
        assertReadingReports(file, "Duplicate field 'by'");
    }

    @Test
    void a_hand_edited_envelope_is_reported_as_not_matching_the_index() throws IOException {
        Path file = fileOf(2);
        Files.writeString(file, Files.readString(file).replace("\"aggregateVersion\": 2", "\"aggregateVersion\": 7"));
        assertReadingReports(file, "does not match the index");
    }

    @Test
    void an_event_file_copied_over_another_is_reported_as_the_wrong_envelope_for_its_path() throws IOException {
        Files.copy(fileOf(3), fileOf(2), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertReadingReports(fileOf(2), "does not match the index");
    }

    @Test
    void a_missing_event_file_is_reported_and_not_skipped() throws IOException {
        Path file = fileOf(2);
        Files.delete(file);
        assertReadingReports(file, "missing");
    }

    @Test
    void a_duplicated_index_line_is_reported_with_the_index_path() throws IOException {
        Path index = root.resolve("metadata").resolve("event-index.jsonl");
        List<String> lines = Files.readAllLines(index);
        Files.writeString(index, lines.get(lines.size() - 1) + "\n", StandardOpenOption.APPEND); // a committed line again
        assertThatThrownBy(this::open).isInstanceOfSatisfying(CorruptDataException.class,
                e -> assertThat(e.file()).isEqualTo("metadata/event-index.jsonl"));
    }

    @Test
    void unknown_files_and_directories_are_left_alone_and_change_no_event() throws IOException {
        Files.writeString(root.resolve("notes.txt"), "mine");
        Files.createDirectories(root.resolve("stray").resolve("deeper"));
        Files.writeString(root.resolve("account").resolve("readme.md"), "mine");
        Files.writeString(root.resolve("account").resolve("a").resolve("readme.md"), "mine");
        Files.createDirectories(root.resolve("account").resolve("NOT-ENCODED"));
        try (var store = open()) {
            assertThat(store.readAll(GlobalPosition.FIRST, 10)).isEqualTo(written);
            store.append(STREAM, ExpectedVersion.exactly(3), NewEvent.of("Closed", RawJson.of("{}")));
        }
        try (var store = open()) {
            assertThat(store.readStream(STREAM)).hasSize(4);
        }
        assertThat(root.resolve("notes.txt")).hasContent("mine");
        assertThat(root.resolve("account").resolve("a").resolve("readme.md")).hasContent("mine");
        assertThat(root.resolve("stray").resolve("deeper")).isDirectory();
    }

    @Test
    void an_event_file_replaced_by_a_symbolic_link_out_of_the_store_is_reported_and_not_followed() throws IOException {
        Path file = fileOf(2);
        Path outside = Files.copy(file, dir.resolve("outside.json"));
        Files.delete(file);
        Files.createSymbolicLink(file, outside);
        assertReadingReports(file, "symbolic link");
    }

    @Test
    void an_aggregate_directory_replaced_by_a_symbolic_link_out_of_the_store_is_reported_and_not_followed()
            throws IOException {
        Path aggregate = root.resolve("account").resolve("a");
        Path outside = dir.resolve("outside");
        Files.move(aggregate, outside);
        Files.createSymbolicLink(aggregate, outside);
        Path file;
        try (Stream<Path> files = Files.list(outside)) {
            file = aggregate.resolve(files.sorted().toList().get(0).getFileName());
        }
        assertReadingReports(file, "symbolic link");
        try (var store = open()) {
            assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.any(), NewEvent.of("E", RawJson.of("{}"))))
                    .isInstanceOf(dev.dossier.domain.error.EventStoreException.class);
        }
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).as("nothing was written through the link").hasSize(3);
        }
    }
}
