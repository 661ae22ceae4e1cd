package dev.dossier.eventstore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.eventstore.demo.OrderDemo;
import dev.dossier.eventstore.demo.OrderEvents;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStoresTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1001");

    @TempDir
    Path temp;

    static Path exampleRecording() {
        try {
            return Path.of(TestStoresTest.class.getResource("/recordings/checkout-7f3a.zip").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RecordedEvent> withoutPayloads(List<RecordedEvent> events) {
        return events.stream().map(e -> e.toBuilder().payload(null).build()).toList();
    }

    @Test
    void an_in_memory_store_holds_the_same_events_as_the_filesystem_copy_timestamps_included() {
        try (RecordedStore files = TestStores.fromRecording(exampleRecording(), StoreKind.FILESYSTEM, StoreSetup.none());
             RecordedStore memory = TestStores.fromRecording(exampleRecording(), StoreKind.IN_MEMORY, StoreSetup.none())) {
            assertThat(files.events()).hasSize(7);
            assertThat(withoutPayloads(memory.events())).isEqualTo(withoutPayloads(files.events()));
            assertThat(memory.manifest()).isEqualTo(files.manifest()).isPresent();
        }
    }

    @Test
    void a_setup_binds_payloads_to_the_hosts_classes() {
        try (RecordedStore recorded = TestStores.fromRecording(exampleRecording(), StoreKind.IN_MEMORY,
                OrderDemo::configure)) {
            assertThat(recorded.events().get(0).payload()).isEqualTo(new OrderEvents.OrderPlaced("ada", "EUR"));
        }
    }

    @Test
    void closing_a_filesystem_store_deletes_its_directory_and_leaves_the_recording_unchanged() throws IOException {
        String before = sha256(exampleRecording());
        Path directory;
        try (RecordedStore recorded = TestStores.fromRecording(exampleRecording(), StoreKind.FILESYSTEM,
                StoreSetup.none())) {
            directory = recorded.directory().orElseThrow();
            recorded.store().append(ORDER, ExpectedVersion.exactly(4), NewEvent.of("Noted", RawJson.of("{}")));
            assertThat(directory).isDirectory();
        }
        assertThat(directory).doesNotExist();
        assertThat(directory.getParent()).doesNotExist();
        assertThat(sha256(exampleRecording())).isEqualTo(before);
    }

    @Test
    void each_store_gets_a_directory_of_its_own() {
        try (RecordedStore first = TestStores.fromRecording(exampleRecording(), StoreKind.FILESYSTEM, StoreSetup.none());
             RecordedStore second = TestStores.fromRecording(exampleRecording(), StoreKind.FILESYSTEM, StoreSetup.none())) {
            assertThat(first.directory()).isNotEqualTo(second.directory());
        }
    }

    @Test
    void a_recording_directory_loads_like_its_zip() throws IOException {
        Path directory;
        try (RecordedStore unpacked = TestStores.fromRecording(exampleRecording(), StoreKind.FILESYSTEM,
                StoreSetup.none())) {
            directory = temp.resolve("copy");
            dev.dossier.eventstore.replay.Recordings.copy(unpacked.directory().orElseThrow(), Files.createDirectory(directory));
        }
        try (RecordedStore fromDirectory = TestStores.fromRecording(directory, StoreKind.IN_MEMORY, StoreSetup.none())) {
            assertThat(fromDirectory.events()).hasSize(7);
        }
    }

    @Test
    void an_event_set_fills_a_new_store_of_either_kind() {
        EventSet one = store -> store.append(ORDER, ExpectedVersion.noStream(), NewEvent.of("OrderPlaced",
                RawJson.of("{\"customer\":\"ada\"}")));
        for (StoreKind kind : StoreKind.values()) {
            try (RecordedStore recorded = TestStores.fromEvents(one, kind, StoreSetup.none())) {
                assertThat(recorded.events()).extracting(e -> e.data().json()).containsExactly("{\"customer\":\"ada\"}");
                assertThat(recorded.directory().isPresent()).isEqualTo(kind == StoreKind.FILESYSTEM);
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
