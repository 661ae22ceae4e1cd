package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs append to the same store, and to the same aggregate, at the same time. */
class TwoProcessAppendTest {
    private static final int PER_PROCESS = 60;

    @TempDir
    Path dir;

    @Test
    void two_processes_appending_to_one_aggregate_never_duplicate_or_lose_a_version() throws Exception {
        Path root = dir.resolve("store");
        FileSystemEventStore.open(root).close();

        Process first = start(root, "p1");
        Process second = start(root, "p2");
        List<String> out1 = finish(first);
        List<String> out2 = finish(second);

        try (var store = FileSystemEventStore.open(root)) {
            List<RecordedEvent> shared = store.readStream(StreamId.of("counter", "shared"));
            assertThat(shared).extracting(e -> e.version().value())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * PER_PROCESS).boxed().toList());
            assertThat(shared).filteredOn(e -> e.data().json().contains("\"p1\"")).hasSize(PER_PROCESS);
            assertThat(store.readStream(StreamId.of("counter", "p1"))).hasSize(PER_PROCESS);
            assertThat(store.readStream(StreamId.of("counter", "p2"))).hasSize(PER_PROCESS);

            List<RecordedEvent> all = store.readAll(GlobalPosition.FIRST, 100_000);
            assertThat(all).extracting(e -> e.position().value())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 4L * PER_PROCESS).boxed().toList());
            Set<Long> acknowledged = new HashSet<>(acks(out1));
            acknowledged.addAll(acks(out2));
            assertThat(acknowledged).hasSize(4 * PER_PROCESS);
        }
    }

    private static Process start(Path root, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AppendingProcess.class.getName(), root.toString(), name, Integer.toString(PER_PROCESS))
                .redirectErrorStream(true).start();
    }

    private static List<String> finish(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private static List<Long> acks(List<String> lines) {
        var positions = new ArrayList<Long>();
        lines.stream().filter(l -> l.startsWith("ACK ")).forEach(l -> positions.add(Long.parseLong(l.substring(4))));
        return positions;
    }
}
