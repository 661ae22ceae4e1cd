package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Forcing many files at once forces each one, on threads that are gone when it returns. */
class ParallelForceTest {
    private static List<Path> paths(int count) {
        return IntStream.range(0, count).mapToObj(i -> Path.of("file-" + i)).toList();
    }

    @Test
    void every_path_is_forced_once_on_up_to_32_threads_and_none_is_left_running() throws IOException {
        var forced = ConcurrentHashMap.<Path>newKeySet();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        ParallelForce.run(paths(2_048), path -> {
            assertThat(forced.add(path)).isTrue();
            threads.add(Thread.currentThread());
        });

        assertThat(forced).hasSize(2_048);
        assertThat(threads).hasSizeBetween(1, 32)
                .allSatisfy(t -> assertThat(t.getName()).startsWith("dossier-checkpoint-"))
                .noneMatch(Thread::isAlive);
    }

    @Test
    void a_failure_to_force_one_path_is_thrown_to_the_caller() {
        assertThatThrownBy(() -> ParallelForce.run(paths(500), path -> {
            if (path.equals(Path.of("file-321"))) {
                throw new IOException("disk gone");
            }
        })).isInstanceOf(IOException.class).hasMessage("disk gone");
    }
}
