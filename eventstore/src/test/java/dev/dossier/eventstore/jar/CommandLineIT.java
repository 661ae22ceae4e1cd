package dev.dossier.eventstore.jar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The tool as a person or a script uses it: {@code java -jar eventstore.jar ...} in a real process. */
class CommandLineIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void every_command_runs_from_the_jar_with_its_exit_code() throws Exception {
        String s = dir.resolve("store").toString();
        assertThat(run("--store", s, "init").exitCode()).isZero();
        JarProcess.Result appended = run("--store", s, "append", "--type", "order", "--id", "o-1", "--event",
                "OrderPlaced", "--data", "{\"customer\":\"ada\"}", "--json");
        assertThat(appended.exitCode()).isZero();
        assertThat(JSON.readTree(appended.out()).get("globalPosition").asLong()).isEqualTo(1);
        assertThat(JarProcess.run(dir, "{\"sku\":\"book\"}", "--store", s, "append", "--type", "order", "--id", "o-1",
                "--event", "ItemAdded", "--expected-version", "1").exitCode()).isZero();

        JarProcess.Result conflict = run("--store", s, "append", "--type", "order", "--id", "o-1", "--event", "X",
                "--expected-version", "1", "--data", "{}");
        assertThat(conflict.exitCode()).isEqualTo(3);
        assertThat(conflict.err()).contains("expected version 1", "current version is 2");
        JarProcess.Result badJson = run("--store", s, "append", "--type", "order", "--id", "o-1", "--event", "X",
                "--data", "{oops}");
        assertThat(badJson.exitCode()).isEqualTo(2);
        assertThat(badJson.err()).contains("--data", "line 1");

        assertThat(lines(run("--store", s, "read", "--type", "order", "--id", "o-1", "--json"))).hasSize(2);
        assertThat(lines(run("--store", s, "read-all", "--event-type", "ItemAdded", "--json"))).hasSize(1);
        assertThat(JSON.readTree(run("--store", s, "ls", "--json").out()).get("aggregateTypes")).hasSize(1);
        assertThat(JSON.readTree(run("--store", s, "ls", "order", "--json").out()).get("aggregates")).hasSize(1);
        assertThat(JSON.readTree(run("--store", s, "stats", "--json").out()).get("events").asLong()).isEqualTo(2);
        assertThat(lines(run("--store", s, "tail", "-n", "1", "--json"))).hasSize(1);
        assertThat(run("--store", s, "verify").exitCode()).isZero();
        assertThat(run("--store", s, "demo").out()).contains("Replaying");
        assertThat(run("--store", s, "bogus").exitCode()).isEqualTo(2);
        assertThat(run("--store", dir.resolve("none").toString(), "stats").exitCode()).isEqualTo(1);
    }

    @Test
    void the_store_is_found_through_eventstore_path_or_in_the_working_directory() throws Exception {
        Path named = dir.resolve("named");
        JarProcess.run(dir, Map.of("EVENTSTORE_PATH", named.toString()), "", "append", "--type", "a", "--id", "1",
                "--event", "E", "--data", "{}");
        JarProcess.run(dir, "", "append", "--type", "b", "--id", "1", "--event", "E", "--data", "{}");

        assertThat(named.resolve("metadata/format.json")).exists();
        assertThat(dir.resolve("eventstore/metadata/format.json")).exists();
        assertThat(JSON.readTree(JarProcess.run(dir, Map.of("EVENTSTORE_PATH", named.toString()), "", "ls", "--json")
                .out()).get("aggregateTypes").get(0).get("aggregateType").asText()).isEqualTo("a");
    }

    @Test
    void export_piped_into_import_across_processes_reproduces_the_events() throws Exception {
        String source = dir.resolve("source").toString();
        run("--store", source, "append", "--type", "order", "--id", "o-1", "--event", "OrderPlaced", "--data",
                "{\"name\":\"Zo\u00eb \u2603\"}", "--metadata", "{\"actor\":\"me\"}", "--correlation-id", "c-1");
        run("--store", source, "append", "--type", "order", "--id", "o-2", "--event", "OrderPlaced", "--data", "[]");

        JarProcess.Result exported = run("--store", source, "export");
        JarProcess.Result imported = JarProcess.run(dir, exported.out(), "--store", dir.resolve("copy").toString(),
                "import");
        JarProcess.Result copied = run("--store", dir.resolve("copy").toString(), "export");

        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("2 events appended");
        List<JsonNode> before = lines(exported);
        List<JsonNode> after = lines(copied);
        assertThat(after).hasSize(2);
        for (int i = 0; i < 2; i++) {
            for (String field : List.of("eventId", "eventType", "aggregateType", "aggregateId", "aggregateVersion",
                    "globalPosition", "correlationId", "metadata", "data")) {
                assertThat(after.get(i).get(field)).isEqualTo(before.get(i).get(field));
            }
        }
    }

    @Test
    void verify_in_a_process_catches_an_edited_a_deleted_and_a_stray_file() throws Exception {
        String s = dir.resolve("store").toString();
        for (String event : List.of("A", "B", "C")) {
            run("--store", s, "append", "--type", "t", "--id", "x", "--event", event, "--data", "{\"v\":1}");
        }
        Path aggregate = dir.resolve("store/t/x");
        Files.writeString(file(aggregate, "A"), Files.readString(file(aggregate, "A")).replace("{\"v\":1}", "{\"v\":100}"));
        Files.delete(file(aggregate, "B"));
        Files.writeString(aggregate.resolve("stray.txt"), "?");

        JarProcess.Result result = run("--store", s, "verify");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("-A.json: the file does not match its index line", "-B.json: the index names",
                "t/x/stray.txt: a stray file");
    }

    @Test
    @Timeout(60)
    void tail_follow_prints_what_another_process_appends_and_stops_when_destroyed() throws Exception {
        String s = dir.resolve("store").toString();
        run("--store", s, "append", "--type", "t", "--id", "x", "--event", "Old", "--data", "{}");
        Process tail = JarProcess.builder(dir, Map.of(), "--store", s, "tail", "-f", "--json")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = reader(tail);
        assertThat(lines.poll(30, TimeUnit.SECONDS)).contains("\"Old\"");

        run("--store", s, "append", "--type", "t", "--id", "y", "--event", "New", "--data", "{\"n\":1}");
        JarProcess.run(dir, "{\"aggregateType\":\"t\",\"aggregateId\":\"z\",\"eventType\":\"Imported\",\"data\":{}}",
                "--store", s, "import");

        assertThat(lines.poll(20, TimeUnit.SECONDS)).contains("\"New\"");
        assertThat(lines.poll(20, TimeUnit.SECONDS)).contains("\"Imported\"");
        tail.destroy();
        assertThat(tail.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(run("--store", s, "verify").exitCode()).isZero();
    }

    @Test
    @Timeout(60)
    void tail_follow_ends_with_exit_0_when_its_standard_input_closes() throws Exception {
        String s = dir.resolve("store").toString();
        run("--store", s, "init");
        Process tail = JarProcess.builder(dir, Map.of(), "--store", s, "tail", "-f")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();

        tail.getOutputStream().close();

        assertThat(tail.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tail.exitValue()).isZero();
    }

    private JarProcess.Result run(String... args) {
        return JarProcess.run(dir, "", args);
    }

    private static List<JsonNode> lines(JarProcess.Result result) throws Exception {
        var nodes = new java.util.ArrayList<JsonNode>();
        for (String line : result.out().split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static Path file(Path aggregate, String eventType) throws Exception {
        try (Stream<Path> files = Files.list(aggregate)) {
            return files.filter(f -> f.toString().endsWith("-" + eventType + ".json")).findFirst().orElseThrow();
        }
    }

    private static BlockingQueue<String> reader(Process process) {
        var lines = new LinkedBlockingQueue<String>();
        Thread thread = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (Exception e) {
                // the process ended
            }
        });
        thread.setDaemon(true);
        thread.start();
        return lines;
    }
}
