package dev.dossier.eventstore.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.application.subscription.Subscription;
import dev.dossier.application.subscription.SubscriptionOptions;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.infrastructure.filesystem.AppendingProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another JVM appends to the store while this one is subscribed: every event arrives, in order, live. */
class OtherProcessSubscriptionTest {
    private static final int PER_PROCESS = 40;

    @TempDir
    Path dir;

    @Test
    void events_appended_by_another_process_reach_a_live_subscriber_in_global_order() throws Exception {
        Path root = dir.resolve("store");
        try (var world = new SubscriptionWorld(root)) {
            world.appendMany(5);
            var received = new Received();
            Subscription subscription = world.subscriptions.subscribe(SubscriberName.of("watcher"), received,
                    SubscriptionOptions.defaults().pollInterval(Duration.ofMinutes(5)));
            assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    AppendingProcess.class.getName(), root.toString(), "child", Integer.toString(PER_PROCESS))
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(output).isZero();

            received.awaitCount(5 + 2 * PER_PROCESS, Duration.ofSeconds(15));
            assertThat(received.positions())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 5 + 2L * PER_PROCESS).boxed().toList());
        }
    }
}
