package dev.dossier.eventstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemParkedEventStore;
import dev.dossier.infrastructure.json.JsonSupport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parked list} and {@code parked replay}: the dead-letter area from the command line. */
class ParkedCommandTest {
    @TempDir
    Path dir;
    Cli cli;
    FileSystemParkedEventStore parked;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("store"));
        cli.append("order", "o-1", "OrderPlaced", "{}");
        parked = FileSystemParkedEventStore.open(FileStoreOptions.at(dir.resolve("store")));
        parked.park(new ParkedEvent(SubscriberName.of("billing"), GlobalPosition.of(1), UUID.randomUUID(),
                EventType.of("OrderPlaced"), StreamId.of("order", "o-1"), 5, "java.lang.IllegalStateException: boom",
                Instant.parse("2026-11-23T10:00:00Z"), false));
    }

    @Test
    void parked_list_shows_subscriber_position_event_and_error() throws Exception {
        CliResult table = cli.run("parked", "list");
        CliResult json = cli.run("parked", "list", "--subscriber", "billing", "--json");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("SUBSCRIBER", "billing", "OrderPlaced", "order/o-1", "boom");
        JsonNode first = JsonSupport.mapper().readTree(json.out()).path("parked").get(0);
        assertThat(first.path("position").asLong()).isEqualTo(1);
        assertThat(first.path("attempts").asInt()).isEqualTo(5);
        assertThat(cli.run("parked", "list", "--subscriber", "other").err()).contains("No parked events");
    }

    @Test
    void parked_replay_marks_events_for_the_running_subscription_and_fails_when_nothing_matches() {
        CliResult replay = cli.run("parked", "replay", "--subscriber", "billing", "--position", "1", "--json");

        assertThat(replay.exitCode()).isZero();
        assertThat(replay.out()).contains("\"marked\":1");
        assertThat(parked.list(Optional.empty()).get(0).replayRequested()).isTrue();
        assertThat(cli.run("parked", "replay", "--subscriber", "billing", "--position", "9").exitCode()).isEqualTo(1);
    }

    @Test
    void parked_with_bad_usage_exits_with_two() {
        assertThat(cli.run("parked").exitCode()).isEqualTo(2);
        assertThat(cli.run("parked", "replay").exitCode()).isEqualTo(2);
        assertThat(cli.run("parked", "list", "--subscriber", "../x").exitCode()).isEqualTo(2);
    }
}
