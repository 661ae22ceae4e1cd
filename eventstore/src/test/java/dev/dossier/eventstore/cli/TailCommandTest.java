package dev.dossier.eventstore.cli;

import static dev.dossier.eventstore.cli.ReadCommandsTest.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TailCommandTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("store"));
        for (int i = 1; i <= 12; i++) {
            cli.append("order", "o-" + (i % 3), i % 4 == 0 ? "OrderShipped" : "ItemAdded", "{\"n\":" + i + "}");
        }
    }

    @Test
    void tail_prints_the_last_ten_events_by_default() {
        CliResult result = cli.run("tail", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(field(result.jsonLines(), "globalPosition")).containsExactly("3", "4", "5", "6", "7", "8", "9",
                "10", "11", "12");
    }

    @Test
    void tail_prints_the_last_n_events_of_one_type() {
        CliResult result = cli.run("tail", "-n", "2", "--event-type", "OrderShipped", "--json");

        assertThat(field(result.jsonLines(), "globalPosition")).containsExactly("8", "12");
        assertThat(field(cli.run("tail", "-n", "5", "--event-type", "OrderShipped", "--json").jsonLines(),
                "globalPosition")).containsExactly("4", "8", "12");
        assertThat(cli.run("tail", "-n", "3").out()).contains("POSITION").hasLineCount(4);
    }

    @Test
    @Timeout(20)
    void tail_follow_is_woken_by_another_writers_commit_without_waiting_for_its_safety_poll() throws Exception {
        var stdin = new PipedOutputStream();
        var input = new PipedInputStream(stdin);
        var out = new ByteArrayOutputStream();
        CompletableFuture<CliResult> tail = CompletableFuture.supplyAsync(() -> cli.run(input, false, out,
                "tail", "-f", "-n", "1", "--event-type", "OrderPlaced", "--json", "--poll-interval", "600000"));

        new Cli(cli.store()).append("order", "o-9", "OrderPlaced", "{\"late\":true}");
        waitUntil(() -> out.toString(StandardCharsets.UTF_8).contains("\"late\":true"));
        stdin.close();

        assertThat(tail.get(10, TimeUnit.SECONDS).exitCode()).isZero();
    }

    @Test
    @Timeout(20)
    void tail_follow_prints_events_appended_later_and_stops_when_its_input_closes() throws Exception {
        var stdin = new PipedOutputStream();
        var input = new PipedInputStream(stdin);
        var out = new ByteArrayOutputStream();
        CompletableFuture<CliResult> tail = CompletableFuture.supplyAsync(() -> cli.run(input, false, out,
                "tail", "-f", "-n", "1", "--event-type", "OrderPlaced", "--json", "--poll-interval", "50"));

        new Cli(cli.store()).append("order", "o-9", "ItemAdded", "{\"skip\":true}");
        new Cli(cli.store()).append("order", "o-9", "OrderPlaced", "{\"late\":true}");
        waitUntil(() -> out.toString(StandardCharsets.UTF_8).contains("\"late\":true"));
        stdin.close();
        CliResult result = tail.get(10, TimeUnit.SECONDS);

        assertThat(result.exitCode()).isZero();
        assertThat(result.jsonLines()).hasSize(1);
        assertThat(result.jsonLines().get(0).get("aggregateId").asText()).isEqualTo("o-9");
    }

    @Test
    void a_negative_count_exits_2() {
        assertThat(cli.run("tail", "-n", "-1").exitCode()).isEqualTo(2);
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
