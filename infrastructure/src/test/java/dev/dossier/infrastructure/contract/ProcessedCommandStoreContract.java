package dev.dossier.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.CommandId;
import dev.dossier.domain.model.ProcessedCommand;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.ProcessedCommandStore;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ProcessedCommandStore}, written once and run against every adapter. */
public abstract class ProcessedCommandStoreContract {
    private static final StreamId ORDER = StreamId.of("order", "o-1");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private SnapshotStoreFixture fixture;
    protected ProcessedCommandStore store;

    protected abstract SnapshotStoreFixture fixture();

    @BeforeEach
    void create() {
        fixture = fixture();
        store = fixture.createCommands();
    }

    @AfterEach
    void discard() {
        fixture.discard();
    }

    @Test
    void an_unknown_command_is_not_found() {
        assertThat(store.find(CommandId.of("cmd-1"))).isEmpty();
    }

    @Test
    void a_recorded_command_is_found_as_recorded() {
        var record = ProcessedCommand.completed(CommandId.of("cmd-1"), ORDER, Version.of(3), Version.of(5), AT);
        store.record(record);

        assertThat(store.find(CommandId.of("cmd-1"))).contains(record);
    }

    @Test
    void completing_a_started_command_replaces_its_record() {
        CommandId id = CommandId.of("cmd-1");
        store.record(ProcessedCommand.started(id, ORDER, Version.of(3), AT));
        var completed = ProcessedCommand.completed(id, ORDER, Version.of(3), Version.of(4), AT.plusSeconds(1));
        store.record(completed);

        assertThat(store.find(id)).contains(completed);
    }

    @Test
    void command_ids_that_differ_only_in_case_or_slashes_are_kept_apart() {
        store.record(ProcessedCommand.completed(CommandId.of("A/b"), ORDER, Version.NONE, Version.of(1), AT));
        store.record(ProcessedCommand.completed(CommandId.of("a/b"), ORDER, Version.NONE, Version.of(2), AT));

        assertThat(store.find(CommandId.of("A/b")).orElseThrow().newVersion()).isEqualTo(Version.of(1));
        assertThat(store.find(CommandId.of("a/b")).orElseThrow().newVersion()).isEqualTo(Version.of(2));
    }

    @Test
    void processed_commands_survive_a_restart() {
        var record = ProcessedCommand.completed(CommandId.of("cmd-9"), ORDER, Version.of(1), Version.of(2), AT);
        store.record(record);

        store = fixture.reopen(store);

        assertThat(store.find(CommandId.of("cmd-9"))).contains(record);
    }
}
