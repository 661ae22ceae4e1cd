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

class PackCommandTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("store"));
        for (int i = 1; i <= 8; i++) {
            cli.append("order", "o-1", "ItemAdded", "{\"line\":" + i + "}");
        }
    }

    @Test
    void pack_merges_the_older_events_keeps_the_recent_ones_and_changes_no_read() throws IOException {
        String before = cli.run("read", "--type", "order", "--id", "o-1", "--json").out();

        JsonNode report = cli.run("pack", "--keep", "3", "--json").json();

        assertThat(report.get("packs").asInt()).isEqualTo(1);
        assertThat(report.get("events").asLong()).isEqualTo(5);
        assertThat(report.get("filesBefore").asLong()).isEqualTo(5);
        assertThat(files()).hasSize(4).filteredOn(name -> name.endsWith(".jsonl")).hasSize(1);
        assertThat(cli.run("read", "--type", "order", "--id", "o-1", "--json").out()).isEqualTo(before);
        assertThat(cli.run("verify").exitCode()).isZero();
        assertThat(cli.run("pack", "--keep", "3").out()).contains("Nothing to pack");
    }

    @Test
    void pack_refuses_a_keep_below_one_with_exit_2() {
        CliResult result = cli.run("pack", "--keep", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--keep").contains("1 or more");
    }

    private java.util.List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(cli.store().resolve("order/o-1"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
