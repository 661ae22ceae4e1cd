package dev.dossier.eventstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandsTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("store"));
    }

    @Test
    void init_creates_an_empty_store_and_is_idempotent() {
        CliResult first = cli.run("init");
        cli.append("order", "o-1", "OrderPlaced", "{}");
        CliResult second = cli.run("init");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Created an empty event store");
        assertThat(cli.store().resolve("metadata/format.json")).exists();
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("already exists", "1 events");
    }

    @Test
    void init_refuses_a_directory_that_is_not_a_store_with_exit_1() throws Exception {
        Files.createDirectories(cli.store());
        Files.writeString(cli.store().resolve("notes.txt"), "mine");

        CliResult result = cli.run("init");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("not empty");
    }

    @Test
    void ls_lists_aggregate_types_then_the_aggregates_of_one_type() {
        cli.append("order", "o-1", "OrderPlaced", "{}");
        cli.append("order", "o-1", "ItemAdded", "{}");
        cli.append("order", "o-2", "OrderPlaced", "{}");
        cli.append("invoice", "i-1", "InvoiceSent", "{}");

        JsonNode types = cli.run("ls", "--json").json();
        JsonNode orders = cli.run("ls", "order", "--json").json();
        CliResult table = cli.run("ls", "order");

        assertThat(types.get("aggregateTypes")).hasSize(2);
        assertThat(types.get("aggregateTypes").get(1).get("aggregateType").asText()).isEqualTo("order");
        assertThat(types.get("aggregateTypes").get(1).get("aggregates").asLong()).isEqualTo(2);
        assertThat(types.get("aggregateTypes").get(1).get("events").asLong()).isEqualTo(3);
        assertThat(orders.get("aggregateType").asText()).isEqualTo("order");
        assertThat(orders.get("aggregates").get(0).get("aggregateId").asText()).isEqualTo("o-1");
        assertThat(orders.get("aggregates").get(0).get("events").asLong()).isEqualTo(2);
        assertThat(orders.get("aggregates").get(0).get("lastWrite").asText()).endsWith("Z");
        assertThat(table.out()).contains("AGGREGATE ID", "o-1", "o-2");
        assertThat(cli.run("ls").out()).contains("AGGREGATE TYPE", "invoice", "order");
    }

    @Test
    void ls_of_an_unknown_type_is_empty_and_says_so() {
        cli.run("init");

        CliResult result = cli.run("ls", "nothing");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("no aggregates of type 'nothing'");
    }

    @Test
    void stats_prints_the_storage_figures() {
        cli.append("order", "o-1", "OrderPlaced", "{}");
        cli.append("order", "o-2", "OrderShipped", "{}");

        JsonNode stats = cli.run("stats", "--json").json();
        CliResult table = cli.run("stats");

        assertThat(stats.get("events").asLong()).isEqualTo(2);
        assertThat(stats.get("aggregates").asLong()).isEqualTo(2);
        assertThat(stats.get("aggregateTypes").asLong()).isEqualTo(1);
        assertThat(stats.get("eventTypes").asLong()).isEqualTo(2);
        assertThat(stats.get("eventFileBytes").asLong()).isPositive();
        assertThat(stats.get("lastPosition").asLong()).isEqualTo(2);
        assertThat(stats.get("firstWrite").asText()).endsWith("Z");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("events", "eventFileBytes");
    }

    @Test
    void stats_of_an_empty_store_has_no_write_times() {
        cli.run("init");

        JsonNode stats = cli.run("stats", "--json").json();

        assertThat(stats.get("events").asLong()).isZero();
        assertThat(stats.get("firstWrite").isNull()).isTrue();
    }

    @Test
    void demo_records_and_replays_the_sample_orders() {
        CliResult result = cli.run("demo");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Recorded 7 events", "Replaying", "SHIPPED");
        assertThat(new Cli(cli.store()).run("verify").exitCode()).isZero();
    }

    @Test
    void help_lists_every_command_and_the_exit_codes() {
        CliResult result = cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("init", "append", "read-all", "ls", "tail", "stats", "verify", "import",
                "export", "demo", "Exit codes");
    }
}
