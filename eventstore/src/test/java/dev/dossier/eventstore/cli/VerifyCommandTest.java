package dev.dossier.eventstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("store"));
        cli.append("order", "o-1", "OrderPlaced", "{\"customer\":\"ada\"}");
        cli.append("order", "o-1", "ItemAdded", "{\"sku\":\"book\"}");
        cli.append("order", "o-1", "OrderShipped", "{}");
    }

    @Test
    void a_sound_store_verifies_with_exit_0() {
        CliResult result = cli.run("verify");
        JsonNode json = cli.run("verify", "--json").json();

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("OK: 3 event files");
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("eventFiles").asLong()).isEqualTo(3);
        assertThat(json.get("problems")).isEmpty();
    }

    @Test
    void an_edited_a_deleted_and_a_stray_file_are_each_reported_with_exit_1() throws IOException {
        Path placed = eventFile("OrderPlaced");
        // The quotes keep the replacement inside the payload: a random event id may contain "ada".
        Files.writeString(placed, Files.readString(placed).replace("\"ada\"", "\"eve, edited\""));
        Files.delete(eventFile("ItemAdded"));
        Files.writeString(cli.store().resolve("order/o-1/notes.txt"), "a person's note");

        CliResult result = cli.run("verify", "--json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode problems = result.json().get("problems");
        assertThat(problems.findValuesAsText("path")).contains(
                "order/o-1/" + placed.getFileName(), "order/o-1/notes.txt");
        assertThat(result.out()).contains("was it edited", "the file is missing", "stray file",
                "has no event file");
        assertThat(cli.run("verify").out()).contains("FAILED").contains("notes.txt: a stray file");
    }

    private Path eventFile(String eventType) throws IOException {
        try (Stream<Path> files = Files.list(cli.store().resolve("order/o-1"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + eventType + ".json")).findFirst()
                    .orElseThrow();
        }
    }
}
