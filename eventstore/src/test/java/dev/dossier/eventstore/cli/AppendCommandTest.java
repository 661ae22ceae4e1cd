package dev.dossier.eventstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendCommandTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("store"));
    }

    @Test
    void append_prints_the_recorded_event_and_exits_0() {
        CliResult result = cli.run("append", "--type", "order", "--id", "o-1", "--event", "OrderPlaced",
                "--data", "{\"customer\":\"ada\"}", "--metadata", "{\"actor\":\"me\",\"attempt\":2}",
                "--correlation-id", "c-1", "--causation-id", "cmd-1", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode event = result.jsonLines().get(0);
        assertThat(event.fieldNames()).toIterable().containsExactly("eventId", "eventType", "schemaVersion",
                "aggregateType", "aggregateId", "aggregateVersion", "globalPosition", "timestamp", "previousEventId",
                "correlationId", "causationId", "metadata", "data");
        assertThat(event.get("eventType").asText()).isEqualTo("OrderPlaced");
        assertThat(event.get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(event.get("globalPosition").asLong()).isEqualTo(1);
        assertThat(event.get("correlationId").asText()).isEqualTo("c-1");
        assertThat(event.get("causationId").asText()).isEqualTo("cmd-1");
        assertThat(event.get("metadata").get("attempt").asText()).isEqualTo("2");
        assertThat(event.get("data").get("customer").asText()).isEqualTo("ada");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void append_without_json_prints_a_table_row() {
        CliResult result = cli.run("append", "--type", "order", "--id", "o-1", "--event", "OrderPlaced", "--data", "{}");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("POSITION", "EVENT TYPE", "order/o-1", "OrderPlaced");
    }

    @Test
    void append_reads_the_payload_from_a_file_or_from_standard_input() throws Exception {
        Path payload = Files.writeString(dir.resolve("payload.json"), "{\"sku\":\"book\"}");

        CliResult fromFile = cli.run("append", "--type", "order", "--id", "o-1", "--event", "ItemAdded",
                "--data-file", payload.toString(), "--json");
        CliResult fromStdin = cli.runWithInput("{\"sku\":\"pen\"}", "append", "--type", "order", "--id", "o-1",
                "--event", "ItemAdded", "--expected-version", "1", "--json");

        assertThat(fromFile.jsonLines().get(0).get("data").get("sku").asText()).isEqualTo("book");
        assertThat(fromStdin.jsonLines().get(0).get("data").get("sku").asText()).isEqualTo("pen");
        assertThat(fromStdin.jsonLines().get(0).get("previousEventId").asText())
                .isEqualTo(fromFile.jsonLines().get(0).get("eventId").asText());
    }

    @Test
    void a_stale_expected_version_exits_3_and_names_expected_and_actual() {
        cli.append("order", "o-1", "OrderPlaced", "{}");
        cli.append("order", "o-1", "ItemAdded", "{}");

        CliResult result = cli.run("append", "--type", "order", "--id", "o-1", "--event", "ItemAdded",
                "--expected-version", "1", "--data", "{}");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("order/o-1", "expected version 1", "current version is 2");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void no_stream_refuses_an_existing_aggregate_with_exit_3() {
        cli.append("order", "o-1", "OrderPlaced", "{}");

        CliResult result = cli.run("append", "--type", "order", "--id", "o-1", "--event", "OrderPlaced",
                "--expected-version", "no-stream", "--data", "{}");

        assertThat(result.exitCode()).isEqualTo(3);
    }

    @Test
    void invalid_json_exits_2_and_says_where() {
        CliResult result = cli.run("append", "--type", "order", "--id", "o-1", "--event", "OrderPlaced",
                "--data", "{\"a\":}");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--data", "not valid JSON", "line 1, column 6");
    }

    @Test
    void invalid_json_in_a_data_file_names_the_file() throws Exception {
        Path payload = Files.writeString(dir.resolve("bad.json"), "{\n  \"a\": tru\n}");

        CliResult result = cli.run("append", "--type", "order", "--id", "o-1", "--event", "X",
                "--data-file", payload.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bad.json", "line 2");
    }

    @Test
    void a_name_the_store_cannot_take_exits_2() {
        CliResult empty = cli.run("append", "--type", "order", "--id", "", "--event", "X", "--data", "{}");
        CliResult tooLong = cli.run("append", "--type", "order", "--id", "\u00e9".repeat(150), "--event", "X",
                "--data", "{}");

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("aggregate id", "must not be empty");
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("aggregate id", "limit");
    }

    @Test
    void metadata_that_is_not_an_object_of_plain_values_exits_2() {
        CliResult result = cli.run("append", "--type", "order", "--id", "o-1", "--event", "X", "--data", "{}",
                "--metadata", "{\"nested\":{}}");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--metadata", "nested");
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(cli.run("append", "--type", "order", "--id", "o-1").exitCode()).isEqualTo(2);
        assertThat(cli.run("append", "--type", "o", "--id", "1", "--event", "X", "--data", "{}",
                "--data-file", "x.json").exitCode()).isEqualTo(2);
        assertThat(cli.run("append", "--type", "o", "--id", "1", "--event", "X", "--data", "{}",
                "--expected-version", "soon").err()).contains("expected version");
        assertThat(cli.run("no-such-command").exitCode()).isEqualTo(2);
    }

    @Test
    void a_missing_data_file_exits_2() {
        CliResult result = cli.run("append", "--type", "o", "--id", "1", "--event", "X", "--data-file",
                dir.resolve("missing.json").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("missing.json", "no such file");
    }
}
