package dev.dossier.eventstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.infrastructure.filesystem.FileStoreVerifier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandsTest {
    @TempDir
    Path temp;

    private Cli storeWithOrders() {
        var cli = new Cli(temp.resolve("store"));
        cli.run("init");
        cli.append("order", "o-1", "OrderPlaced", "{\"customer\":\"ada\"}");
        cli.append("order", "o-2", "OrderPlaced", "{\"customer\":\"bob\"}");
        cli.append("order", "o-1", "ItemAdded", "{\"sku\":\"s-1\"}");
        return cli;
    }

    @Test
    void record_writes_a_verifiable_recording_and_prints_its_manifest_as_json() {
        var cli = storeWithOrders();
        Path out = temp.resolve("rec");

        CliResult result = cli.run("record", "--out", out.toString(), "--type", "order", "--id", "o-1", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().path("events").asLong()).isEqualTo(2);
        assertThat(result.json().path("filter").path("id").asText()).isEqualTo("o-1");
        assertThat(result.json().path("checksum").asText()).startsWith("sha256:");
        assertThat(FileStoreVerifier.at(out).verify().problems()).isEmpty();
    }

    @Test
    void replay_of_a_zipped_recording_prints_the_events_in_order_up_to_a_position() {
        var cli = storeWithOrders();
        Path zip = temp.resolve("rec.zip");
        assertThat(cli.run("record", "--out", zip.toString(), "--zip").exitCode()).isZero();

        CliResult result = new Cli(zip).run("replay", "--to-position", "2", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.jsonLines()).extracting(n -> n.path("globalPosition").asLong()).containsExactly(1L, 2L);
    }

    @Test
    void replay_step_by_step_delivers_one_event_per_input_line_and_stops_at_q() {
        var cli = storeWithOrders();

        CliResult result = cli.run(new ByteArrayInputStream("\nq\n".getBytes(StandardCharsets.UTF_8)), false,
                "replay", "--step", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.jsonLines()).hasSize(2);
    }

    @Test
    void at_prints_the_events_up_to_a_version_and_their_merged_fields() {
        var cli = storeWithOrders();

        CliResult result = cli.run("at", "--type", "order", "--id", "o-1", "--version", "2", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().path("events")).hasSize(2);
        assertThat(result.json().path("merged").path("customer").asText()).isEqualTo("ada");
        assertThat(result.json().path("merged").path("sku").asText()).isEqualTo("s-1");
    }

    @Test
    void at_without_a_version_or_time_is_invalid_usage() {
        assertThat(storeWithOrders().run("at", "--type", "order", "--id", "o-1").exitCode()).isEqualTo(2);
    }
}
