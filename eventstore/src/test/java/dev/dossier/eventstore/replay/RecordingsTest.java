package dev.dossier.eventstore.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.application.replay.EventFeed;
import dev.dossier.application.replay.PointInTime;
import dev.dossier.application.replay.RecordingFilter;
import dev.dossier.application.replay.Replay;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.filesystem.FileStoreVerifier;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import dev.dossier.infrastructure.json.FieldFilter;
import dev.dossier.infrastructure.json.MergedFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingsTest {
    @TempDir
    Path temp;

    private Path sourceStore() {
        Path root = temp.resolve("source");
        try (var store = FileSystemEventStore.open(root)) {
            append(store, "o-1", "OrderPlaced", "{\"customer\":\"ada\",\"email\":\"ada@example.com\"}", "req-1", null);
            append(store, "o-2", "OrderPlaced", "{\"customer\":\"bob\",\"email\":\"bob@example.com\"}", "req-2", null);
            RecordedEvent added = append(store, "o-1", "ItemAdded", "{\"sku\":\"s-1\",\"total\":5}", "req-3", null);
            append(store, "o-2", "ItemAdded", "{\"sku\":\"s-2\",\"total\":7}", "req-4", null);
            append(store, "o-1", "OrderShipped", "{\"status\":\"SHIPPED\"}", null, added.eventId().toString());
        }
        return root;
    }

    private static RecordedEvent append(FileSystemEventStore store, String id, String type, String json,
                                        String correlation, String causation) {
        NewEvent event = NewEvent.builder().type(type).payload(RawJson.of(json)).correlation(correlation)
                .causation(causation).build();
        return store.append(StreamId.of("order", id), ExpectedVersion.any(), event).events().get(0);
    }

    @Test
    void a_correlation_recording_is_a_valid_store_with_the_linked_events_and_their_aggregates_history() {
        Path source = sourceStore();
        Path out = temp.resolve("rec");
        RecordingManifest manifest;
        List<RecordedEvent> original;
        try (var store = FileSystemEventStore.open(source)) {
            original = store.readAll(dev.dossier.domain.model.GlobalPosition.FIRST, 100);
            manifest = Recordings.record(store, out, RecordingOptions.of("field", RecordingFilter.all().correlation("req-3")));
        }

        assertThat(FileStoreVerifier.at(out).verify().problems()).isEmpty();
        assertThat(manifest.events()).isEqualTo(3);
        assertThat(manifest.matched()).isEqualTo(2);
        try (var recording = OpenedRecording.open(out)) {
            List<RecordedEvent> events = recording.store().readAll(dev.dossier.domain.model.GlobalPosition.FIRST, 100);
            assertThat(events).extracting(RecordedEvent::eventId)
                    .containsExactly(original.get(0).eventId(), original.get(2).eventId(), original.get(4).eventId());
            assertThat(events).extracting(e -> e.version().value()).containsExactly(1L, 2L, 3L);
            assertThat(events).extracting(RecordedEvent::timestamp)
                    .containsExactly(original.get(0).timestamp(), original.get(2).timestamp(), original.get(4).timestamp());
            assertThat(events).extracting(e -> e.position().value()).containsExactly(1L, 2L, 3L);
            assertThat(recording.manifest()).contains(manifest);
        }
    }

    @Test
    void replaying_a_zipped_recording_rebuilds_the_same_state_as_the_original_store() {
        Path source = sourceStore();
        Path zip = temp.resolve("all.zip");
        Map<StreamId, MergedFields> expected;
        try (var store = FileSystemEventStore.open(source)) {
            Recordings.record(store, zip, RecordingOptions.of("field", RecordingFilter.all()).zipped(true));
            expected = states(store);
        }

        try (var recording = OpenedRecording.open(zip)) {
            assertThat(states(recording.store())).isEqualTo(expected);
        }
    }

    @Test
    void masked_fields_leave_the_store_as_stars_and_the_rest_unchanged() {
        Path source = sourceStore();
        Path out = temp.resolve("masked");
        try (var store = FileSystemEventStore.open(source)) {
            var manifest = Recordings.record(store, out, RecordingOptions.of("field", RecordingFilter.all())
                    .masking(FieldFilter.named("email")));
            assertThat(manifest.masked()).isTrue();
        }
        try (var recording = OpenedRecording.open(out)) {
            RecordedEvent first = recording.store().readAll(dev.dossier.domain.model.GlobalPosition.FIRST, 1).get(0);
            assertThat(first.data().json()).isEqualTo("{\"customer\":\"ada\",\"email\":\"***\"}");
        }
        assertThat(FileStoreVerifier.at(out).verify().problems()).isEmpty();
    }

    @Test
    void the_source_store_is_byte_for_byte_unchanged_after_a_replay() throws IOException {
        Path source = sourceStore();
        Map<String, String> before = fingerprint(source);

        try (var recording = OpenedRecording.open(source)) {
            var seen = new ArrayList<RecordedEvent>();
            Replay.of(recording.store(), seen::add).runAll();
            assertThat(seen).hasSize(5);
        }

        assertThat(fingerprint(source)).isEqualTo(before);
    }

    @Test
    void a_state_diff_names_the_events_and_the_fields_that_changed_between_two_versions() {
        Path source = sourceStore();
        try (var store = FileSystemEventStore.open(source)) {
            StateDiff diff = StateDiff.between(store, StreamId.of("order", "o-1"), PointInTime.atVersion(1),
                    PointInTime.atVersion(3));

            assertThat(diff.events()).extracting(e -> e.eventType().value()).containsExactly("ItemAdded", "OrderShipped");
            assertThat(diff.changes()).extracting(FieldChange::field).containsExactly("sku", "status", "total");
            assertThat(diff.after().get("customer")).isEqualTo("\"ada\"");
        }
    }

    private static Map<StreamId, MergedFields> states(dev.dossier.domain.port.ReadAllEvents store) {
        var byStream = new TreeMap<StreamId, List<RecordedEvent>>();
        EventFeed.of(store).forEach(e -> byStream.computeIfAbsent(e.stream(), s -> new ArrayList<>()).add(e));
        var states = new TreeMap<StreamId, MergedFields>();
        byStream.forEach((stream, events) -> states.put(stream, MergedFields.of(events)));
        return states;
    }

    static Map<String, String> fingerprint(Path root) throws IOException {
        var files = new TreeMap<String, String>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file))
                        + "@" + Files.getLastModifiedTime(file).toMillis());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
