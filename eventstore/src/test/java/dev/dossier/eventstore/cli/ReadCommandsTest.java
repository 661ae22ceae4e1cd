package dev.dossier.eventstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandsTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("store"));
        cli.append("order", "o-1", "OrderPlaced", "{\"n\":1}");
        cli.append("order", "o-2", "OrderPlaced", "{\"n\":2}");
        cli.append("order", "o-1", "ItemAdded", "{\"n\":3}");
        cli.append("invoice", "i-1", "InvoiceSent", "{\"n\":4}");
        cli.append("order", "o-1", "OrderShipped", "{\"n\":5}");
    }

    @Test
    void read_prints_an_aggregates_events_in_version_order() {
        CliResult result = cli.run("read", "--type", "order", "--id", "o-1", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(field(result.jsonLines(), "aggregateVersion")).containsExactly("1", "2", "3");
        assertThat(field(result.jsonLines(), "eventType")).containsExactly("OrderPlaced", "ItemAdded", "OrderShipped");
    }

    @Test
    void read_from_a_version_skips_the_earlier_ones() {
        CliResult result = cli.run("read", "--type", "order", "--id", "o-1", "--from-version", "3", "--json");

        assertThat(field(result.jsonLines(), "eventType")).containsExactly("OrderShipped");
    }

    @Test
    void read_of_a_missing_aggregate_prints_nothing_and_says_so_on_stderr() {
        CliResult result = cli.run("read", "--type", "order", "--id", "nobody", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("order/nobody has no events");
    }

    @Test
    void read_all_prints_every_event_in_global_order() {
        CliResult result = cli.run("read-all", "--json");

        assertThat(field(result.jsonLines(), "globalPosition")).containsExactly("1", "2", "3", "4", "5");
        assertThat(cli.run("read-all").out()).contains("invoice/i-1", "InvoiceSent").hasLineCount(6);
    }

    @Test
    void read_all_filters_by_position_event_type_and_limit() {
        assertThat(field(cli.run("read-all", "--from", "4", "--json").jsonLines(), "globalPosition"))
                .containsExactly("4", "5");
        assertThat(field(cli.run("read-all", "--event-type", "OrderPlaced", "--json").jsonLines(), "aggregateId"))
                .containsExactly("o-1", "o-2");
        assertThat(field(cli.run("read-all", "--event-type", "OrderPlaced", "--from", "2", "--json").jsonLines(),
                "aggregateId")).containsExactly("o-2");
        assertThat(field(cli.run("read-all", "--limit", "2", "--json").jsonLines(), "globalPosition"))
                .containsExactly("1", "2");
    }

    @Test
    void read_all_filters_by_time() {
        List<JsonNode> all = cli.run("read-all", "--json").jsonLines();
        String third = all.get(2).get("timestamp").asText();
        String fifth = all.get(4).get("timestamp").asText();

        List<JsonNode> since = cli.run("read-all", "--since", third, "--json").jsonLines();
        List<JsonNode> until = cli.run("read-all", "--until", third, "--json").jsonLines();
        List<JsonNode> between = cli.run("read-all", "--since", third, "--until", fifth, "--json").jsonLines();

        assertThat(since).allMatch(e -> !Instant.parse(e.get("timestamp").asText()).isBefore(Instant.parse(third)));
        assertThat(field(since, "globalPosition")).contains("3", "4", "5");
        assertThat(field(until, "globalPosition")).doesNotContain("3", "4", "5");
        assertThat(field(between, "globalPosition")).contains("3").doesNotContain("5");
        assertThat(cli.run("read-all", "--since", "2000-01-01", "--json").jsonLines()).hasSize(5);
    }

    @Test
    void a_bad_time_or_position_exits_2() {
        assertThat(cli.run("read-all", "--since", "yesterday").exitCode()).isEqualTo(2);
        assertThat(cli.run("read-all", "--from", "0").exitCode()).isEqualTo(2);
        assertThat(cli.run("read-all", "--limit", "0").exitCode()).isEqualTo(2);
        assertThat(cli.run("read", "--type", "order", "--id", "o-1", "--from-version", "-1").exitCode()).isEqualTo(2);
    }

    @Test
    void reading_a_directory_that_holds_no_store_exits_1_and_creates_nothing(@TempDir Path empty) {
        Cli elsewhere = new Cli(empty.resolve("nothing-here"));

        CliResult result = elsewhere.run("read-all");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no event store", "eventstore init");
        assertThat(empty.resolve("nothing-here")).doesNotExist();
        assertThat(elsewhere.run("ls").exitCode()).isEqualTo(1);
        assertThat(elsewhere.run("stats").exitCode()).isEqualTo(1);
        assertThat(elsewhere.run("verify").exitCode()).isEqualTo(1);
        assertThat(elsewhere.run("export").exitCode()).isEqualTo(1);
        assertThat(elsewhere.run("tail").exitCode()).isEqualTo(1);
    }

    static List<String> field(List<JsonNode> events, String name) {
        return events.stream().map(e -> e.get(name).asText()).toList();
    }
}
