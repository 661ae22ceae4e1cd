package dev.dossier.eventstore.cli;

import static dev.dossier.eventstore.cli.ReadCommandsTest.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportTest {
    private static final List<String> REPRODUCED = List.of("eventId", "eventType", "schemaVersion", "aggregateType",
            "aggregateId", "aggregateVersion", "globalPosition", "previousEventId", "correlationId", "causationId",
            "metadata", "data");

    @TempDir
    Path dir;
    Cli source;
    Cli target;

    @BeforeEach
    void setUp() {
        source = new Cli(dir.resolve("source"));
        target = new Cli(dir.resolve("target"));
    }

    @Test
    void export_piped_into_import_of_an_empty_store_reproduces_the_events() {
        source.run("append", "--type", "order", "--id", "o-1", "--event", "OrderPlaced", "--data",
                "{\"customer\":\"ada\",\"lines\":[1,2.5,null]}", "--metadata", "{\"actor\":\"me\"}",
                "--correlation-id", "c-1", "--causation-id", "cmd-1");
        source.append("invoice", "Straße 7", "InvoiceSent", "\"just a string\"");
        source.append("order", "o-1", "OrderShipped", "{}");

        CliResult exported = source.run("export");
        CliResult imported = target.runWithInput(exported.out(), "import", "--json");

        assertThat(exported.exitCode()).isZero();
        assertThat(exported.err()).contains("Exported 3 events");
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.json().get("appended").asLong()).isEqualTo(3);
        List<JsonNode> before = exported.jsonLines();
        List<JsonNode> after = target.run("export").jsonLines();
        assertThat(after).hasSize(3);
        for (int i = 0; i < before.size(); i++) {
            for (String fieldName : REPRODUCED) {
                assertThat(after.get(i).get(fieldName)).as(fieldName).isEqualTo(before.get(i).get(fieldName));
            }
        }
    }

    @Test
    void export_filters_by_aggregate_type_id_and_position() {
        source.append("order", "o-1", "OrderPlaced", "{}");
        source.append("order", "o-2", "OrderPlaced", "{}");
        source.append("invoice", "i-1", "InvoiceSent", "{}");
        source.append("order", "o-1", "OrderShipped", "{}");

        assertThat(field(source.run("export", "--type", "order").jsonLines(), "globalPosition"))
                .containsExactly("1", "2", "4");
        assertThat(field(source.run("export", "--type", "order", "--id", "o-1").jsonLines(), "globalPosition"))
                .containsExactly("1", "4");
        assertThat(field(source.run("export", "--from", "3").jsonLines(), "globalPosition")).containsExactly("3", "4");
        assertThat(source.run("export", "--id", "o-1").exitCode()).isEqualTo(2);
    }

    @Test
    void import_reads_a_file_with_minimal_lines_and_honours_expected_versions() throws Exception {
        Path file = Files.writeString(dir.resolve("events.jsonl"), String.join("\n",
                "{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"eventType\":\"OrderPlaced\",\"data\":{},\"expectedVersion\":\"no-stream\"}",
                "",
                "{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"eventType\":\"ItemAdded\",\"data\":{\"sku\":\"x\"},\"expectedVersion\":1,\"metadata\":{\"by\":\"import\"}}"));

        CliResult result = target.run("import", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("2 events appended");
        List<JsonNode> events = target.run("read", "--type", "order", "--id", "o-1", "--json").jsonLines();
        assertThat(events.get(1).get("metadata").get("by").asText()).isEqualTo("import");
    }

    @Test
    void a_malformed_line_exits_2_names_the_line_and_appends_nothing() throws Exception {
        Path file = Files.writeString(dir.resolve("events.jsonl"), String.join("\n",
                "{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"eventType\":\"OrderPlaced\",\"data\":{}}",
                "{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"eventType\":\"ItemAdded\",\"data\":{",
                "{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"eventType\":\"ItemAdded\"}"));
        target.run("init");

        CliResult result = target.run("import", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("events.jsonl line 2", "not valid JSON");
        assertThat(target.run("stats", "--json").json().get("events").asLong()).isZero();
    }

    @Test
    void missing_fields_and_bad_names_exit_2_with_the_line() {
        CliResult noData = target.runWithInput(
                "{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"eventType\":\"X\"}", "import");
        CliResult badName = target.runWithInput(
                "{\"aggregateType\":\"order\",\"aggregateId\":\"\",\"eventType\":\"X\",\"data\":1}", "import");
        CliResult badVersion = target.runWithInput(
                "{\"aggregateType\":\"order\",\"aggregateId\":\"a\",\"eventType\":\"X\",\"data\":1,\"expectedVersion\":\"later\"}", "import");

        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.err()).contains("standard input line 1", "'data' is missing");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("line 1", "aggregate id");
        assertThat(badVersion.exitCode()).isEqualTo(2);
        assertThat(badVersion.err()).contains("expectedVersion");
    }

    @Test
    void a_conflicting_expected_version_stops_the_import_with_exit_3() {
        String lines = String.join("\n",
                "{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"eventType\":\"A\",\"data\":{}}",
                "{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"eventType\":\"B\",\"data\":{},\"expectedVersion\":5}",
                "{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"eventType\":\"C\",\"data\":{}}");

        CliResult result = target.runWithInput(lines, "import");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("line 2", "1 events were appended", "expected version 5", "current version is 1");
    }

    @Test
    void a_progress_bar_is_drawn_on_stderr_only_for_a_terminal() {
        String line = "{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"eventType\":\"A\",\"data\":{}}\n";
        var input = new ByteArrayInputStream((line + line).getBytes(StandardCharsets.UTF_8));

        CliResult onTerminal = target.run(input, true, "import", "--json");
        CliResult piped = target.runWithInput(line, "import", "--json");

        assertThat(onTerminal.err()).contains("[", "2/2 (100%)");
        assertThat(onTerminal.json().get("appended").asLong()).isEqualTo(2);
        assertThat(piped.err()).isEmpty();
    }
}
