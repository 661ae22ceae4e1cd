package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file written a step at a time (a spare journal, in the background) ends up exactly as written at once. */
class GentleWriteTest {
    private static final int STEP = 1024;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, STEP - 1, STEP, STEP + 1, 10 * STEP + 7})
    void a_file_written_in_steps_holds_every_byte_once_and_no_temporary_file_is_left(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path target = dir.resolve("spare");
        var steps = new AtomicInteger();
        new DurableFiles(Durability.SYNC, false, false).writeAtomicallyGently(target, bytes, STEP, 1, () -> {
            steps.incrementAndGet();
            return false;
        });
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(steps.get()).as("steps asked whether to hurry").isGreaterThanOrEqualTo(Math.max(1, size / STEP));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7})
    void once_told_to_hurry_the_rest_is_written_at_once(int hurryAfter) throws IOException {
        byte[] bytes = new byte[20 * STEP];
        new Random(hurryAfter).nextBytes(bytes);
        Path target = dir.resolve("spare");
        var asked = new AtomicInteger();
        new DurableFiles(Durability.SYNC, false, false).writeAtomicallyGently(target, bytes, STEP, 1,
                () -> asked.incrementAndGet() > hurryAfter);
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(asked.get()).as("steps taken before and after the hurry").isLessThan(2 * hurryAfter + 3);
    }
}
