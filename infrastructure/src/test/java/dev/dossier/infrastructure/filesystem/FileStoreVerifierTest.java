package dev.dossier.infrastructure.filesystem;

import static dev.dossier.infrastructure.contract.TestEvents.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.IncompatibleStoreException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreVerifierTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1");

    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void createStore() {
        root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED))) {
            store.append(ORDER, ExpectedVersion.noStream(), List.of(raw("OrderPlaced", "{\"customer\":\"ada\"}"),
                    raw("ItemAdded", "{\"sku\":\"book\"}")));
            store.append(ORDER, ExpectedVersion.exactly(2), raw("OrderShipped", "{}"));
            store.append(StreamId.of("Invoice", "Nr 1/2"), ExpectedVersion.any(), raw("InvoiceSent", "[1,2]"));
        }
    }

    @Test
    void a_sound_store_has_no_problems() {
        VerificationReport report = FileStoreVerifier.at(root).verify();

        assertThat(report.problems()).isEmpty();
        assertThat(report.isClean()).isTrue();
        assertThat(report.eventFiles()).isEqualTo(4);
        assertThat(report.indexEntries()).isEqualTo(4);
    }

    @Test
    void an_edited_event_file_is_caught() throws IOException {
        Path file = eventFile("OrderPlaced");
        Files.writeString(file, Files.readString(file).replace("\"ada\"", "\"mallory\"")); // not inside a random id

        assertThat(problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("order/o-1/" + file.getFileName());
            assertThat(p.description()).contains("size in bytes");
        });
    }

    @Test
    void an_envelope_that_disagrees_with_its_path_is_caught() throws IOException {
        Path file = eventFile("ItemAdded");
        Files.writeString(file, Files.readString(file).replace("\"o-1\"", "\"o-2\"").replace("\"ItemAdded\"", "\"X\""));

        assertThat(descriptions()).anyMatch(d -> d.contains("names aggregate order/o-2"))
                .anyMatch(d -> d.contains("event type 'X'"));
    }

    @Test
    void a_file_that_is_not_json_is_caught() throws IOException {
        Files.writeString(eventFile("OrderShipped"), "{ truncated");

        assertThat(problems()).anySatisfy(p -> {
            assertThat(p.path()).endsWith("-OrderShipped.json");
            assertThat(p.description()).contains("not valid JSON");
        });
    }

    @Test
    void a_deleted_event_file_is_caught() throws IOException {
        Path file = eventFile("ItemAdded");
        Files.delete(file);

        assertThat(problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("order/o-1/" + file.getFileName());
            assertThat(p.description()).contains("the file is missing");
        }).anySatisfy(p -> assertThat(p.description()).contains("version 2 of order/o-1 has no event file"));
    }

    @Test
    void stray_files_directories_temporaries_and_links_are_caught() throws IOException {
        Files.writeString(root.resolve("order/o-1/notes.txt"), "mine");
        Files.createDirectories(root.resolve("Backup Copy"));
        Files.writeString(root.resolve("order/o-1/.tmp-123.part"), "half");
        Files.createSymbolicLink(root.resolve("order/link"), root.resolve("order/o-1"));

        List<StoreProblem> problems = problems();

        assertThat(problems).extracting(StoreProblem::path)
                .contains("order/o-1/notes.txt", "Backup Copy", "order/o-1/.tmp-123.part", "order/link");
        assertThat(problems).extracting(StoreProblem::description).anyMatch(d -> d.contains("stray file"))
                .anyMatch(d -> d.contains("stray directory")).anyMatch(d -> d.contains("temporary"))
                .anyMatch(d -> d.contains("symbolic link"));
    }

    @Test
    void an_event_file_no_index_line_names_is_caught() throws IOException {
        Path file = eventFile("OrderShipped");
        Files.copy(file, file.resolveSibling("29991231235959999000-OrderShipped.json"));

        assertThat(descriptions()).anyMatch(d -> d.contains("no committed index line names this file"))
                .anyMatch(d -> d.contains("version 3 of order/o-1 appears in 2 files"))
                .anyMatch(d -> d.contains("global position 3 is also claimed"));
    }

    @Test
    void registries_that_disagree_with_the_events_are_caught() throws IOException {
        Path stats = root.resolve("metadata/storage-statistics.json");
        Files.writeString(stats, Files.readString(stats).replace("\"events\" : 4", "\"events\" : 5")
                .replace("\"events\": 4", "\"events\": 5"));
        Files.delete(root.resolve("metadata/aggregate-types.json"));

        assertThat(problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("metadata/storage-statistics.json");
            assertThat(p.description()).contains("'events' is 5");
        }).anySatisfy(p -> assertThat(p.path()).isEqualTo("metadata/aggregate-types.json"));
    }

    @Test
    void registries_that_lag_behind_but_describe_their_prefix_are_accepted() throws IOException {
        Path types = root.resolve("metadata/aggregate-types.json");
        byte[] before = Files.readAllBytes(types);
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED))) {
            store.append(ORDER, ExpectedVersion.any(), raw("OrderReturned", "{}"));
        }
        Files.write(types, before);

        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    @Test
    void a_torn_index_tail_is_reported() throws IOException {
        Files.write(root.resolve("metadata/event-index.jsonl"), "{\"p\":5,".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(descriptions()).anyMatch(d -> d.contains("uncommitted (torn) write"));
    }

    @Test
    void verifying_changes_nothing_on_disk() throws IOException {
        Files.writeString(root.resolve("order/o-1/.tmp-123.part"), "half");

        FileStoreVerifier.at(root).verify();

        assertThat(root.resolve("order/o-1/.tmp-123.part")).exists();
    }

    @Test
    void a_directory_without_a_store_is_refused() {
        assertThatThrownBy(() -> FileStoreVerifier.at(dir.resolve("nothing")).verify())
                .isInstanceOf(IncompatibleStoreException.class);
    }

    private List<StoreProblem> problems() {
        VerificationReport report = FileStoreVerifier.at(root).verify();
        assertThat(report.isClean()).isFalse();
        return report.problems();
    }

    private List<String> descriptions() {
        return problems().stream().map(StoreProblem::description).toList();
    }

    private Path eventFile(String eventType) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("order/o-1"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + eventType + ".json")).findFirst()
                    .orElseThrow();
        }
    }
}
