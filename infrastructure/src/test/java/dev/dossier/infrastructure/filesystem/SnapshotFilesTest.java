package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.IncompatibleStoreException;
import dev.dossier.domain.model.CommandId;
import dev.dossier.domain.model.ProcessedCommand;
import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.contract.SnapshotStoreContract.Basket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the snapshot and processed-command files look like on disk, and how damaged ones are treated. */
class SnapshotFilesTest {
    private static final StreamId ORDER = StreamId.of("order", "O-1");
    private final FileSystemSnapshotFixture fixture = new FileSystemSnapshotFixture();
    private final FileSystemSnapshotStore snapshots = FileSystemSnapshotStore.open(fixture.options());
    private final FileSystemProcessedCommandStore commands = FileSystemProcessedCommandStore.open(fixture.options());

    @AfterEach
    void discard() {
        fixture.discard();
    }

    private static Snapshot snapshot(long version) {
        return new Snapshot(ORDER, Version.of(version), UUID.fromString("00000000-0000-0000-0000-00000000002a"), 2,
                Instant.parse("2026-11-23T10:00:00Z"), new Basket("ada", List.of("1 x pen"), 199));
    }

    @Test
    void a_snapshot_is_a_readable_json_file_under_snapshots_type_and_encoded_id() throws IOException {
        snapshots.save(snapshot(40));

        Path file = fixture.root().resolve("snapshots/order/^o-1.json");
        assertThat(snapshots.fileOf(ORDER)).isEqualTo(file);
        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "format": "dossier-snapshot",
                  "formatVersion": 1,
                  "aggregateType": "order",
                  "aggregateId": "O-1",
                  "version": 40,
                  "lastEventId": "00000000-0000-0000-0000-00000000002a",
                  "schemaVersion": 2,
                  "takenAt": "2026-11-23T10:00:00Z",
                  "state": {
                    "customer": "ada",
                    "lines": [ "1 x pen" ],
                    "totalCents": 199
                  }
                }
                """);
        try (Stream<Path> files = Files.walk(fixture.root().resolve("snapshots"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    void a_damaged_or_misplaced_snapshot_file_is_ignored() throws IOException {
        snapshots.save(snapshot(40));
        Path file = snapshots.fileOf(ORDER);

        Files.writeString(file, "{\"format\": \"dossier-snapshot\", \"trunc");
        assertThat(snapshots.load(ORDER, Basket.class, 2)).isEmpty();

        snapshots.save(snapshot(41));
        Files.move(file, snapshots.fileOf(StreamId.of("order", "o-2")));
        assertThat(snapshots.load(StreamId.of("order", "o-2"), Basket.class, 2)).isEmpty();
    }

    @Test
    void a_processed_command_is_a_readable_json_file_under_a_shard_of_commands() throws IOException {
        commands.record(ProcessedCommand.completed(CommandId.of("cmd-1"), ORDER, Version.of(3), Version.of(5),
                Instant.parse("2026-11-23T10:00:00Z")));

        Path file = commands.fileOf(CommandId.of("cmd-1"));
        assertThat(fixture.root().relativize(file).toString().replace('\\', '/')).matches("commands/[0-9a-f]{2}/cmd-1\\.json");
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).contains("\"commandId\": \"cmd-1\"", "\"aggregateId\": \"O-1\"", "\"status\": \"COMPLETED\"",
                "\"baseVersion\": 3", "\"newVersion\": 5");
    }

    @Test
    void a_damaged_processed_command_file_is_reported_not_ignored() throws IOException {
        commands.record(ProcessedCommand.started(CommandId.of("cmd-1"), ORDER, Version.of(3), Instant.now()));
        Files.writeString(commands.fileOf(CommandId.of("cmd-1")), "{ not json");

        assertThatThrownBy(() -> commands.find(CommandId.of("cmd-1"))).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("commands/");
    }

    @Test
    void verify_accepts_a_store_with_snapshots_and_processed_commands() {
        snapshots.save(snapshot(40));
        commands.record(ProcessedCommand.started(CommandId.of("cmd-1"), ORDER, Version.of(3), Instant.now()));

        assertThat(FileStoreVerifier.at(fixture.root()).verify().problems()).isEmpty();
    }

    @Test
    void the_adapters_refuse_a_directory_that_is_not_an_event_store() throws IOException {
        Path empty = Files.createTempDirectory("dossier-not-a-store-");
        try {
            assertThatThrownBy(() -> FileSystemSnapshotStore.open(FileStoreOptions.at(empty)))
                    .isInstanceOf(IncompatibleStoreException.class);
            assertThatThrownBy(() -> FileSystemProcessedCommandStore.open(FileStoreOptions.at(empty)))
                    .isInstanceOf(IncompatibleStoreException.class);
        } finally {
            FileSystemFixture.deleteTree(empty);
        }
    }
}
