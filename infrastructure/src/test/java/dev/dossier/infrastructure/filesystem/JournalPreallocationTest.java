package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With durability sync the journal keeps zeros after its records, so that a commit's force changes no metadata. */
class JournalPreallocationTest {
    @TempDir
    Path dir;

    @Test
    void a_writer_preallocates_again_after_another_process_cut_the_zeros_off() throws IOException {
        Path journal = dir.resolve(StoreLayout.JOURNAL);
        var files = new DurableFiles(Durability.SYNC, false, false);
        JournalFiles.createIfMissing(journal, files, 0);
        try (var channel = new JournalChannel(journal, files, () -> { })) {
            channel.readAfterCommitted();
            byte[] first = "{\"record\":1}\n".getBytes(StandardCharsets.UTF_8);
            channel.commit(first, first.length);
            assertThat(zerosAtTheEnd(journal)).as("preallocated").isPositive();
            long committed = channel.committedEnd();
            try (FileChannel other = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                other.truncate(committed); // what another process's opening does, in place
            }

            assertThat(channel.readAfterCommitted()).isEmpty();
            byte[] second = "{\"record\":2}\nnot part of the record".getBytes(StandardCharsets.UTF_8);
            channel.commit(second, "{\"record\":2}\n".length());

            assertThat(zerosAtTheEnd(journal)).as("preallocated again").isPositive();
            byte[] written = Files.readAllBytes(journal);
            assertThat(new String(written, 0, (int) channel.committedEnd(), StandardCharsets.UTF_8))
                    .endsWith("{\"record\":1}\n{\"record\":2}\n");
            assertThat(written[(int) channel.committedEnd()]).as("only the given length is written").isZero();

            byte[] third = "{\"record\":3}\nnot part of it either".getBytes(StandardCharsets.UTF_8);
            long allocated = Files.size(journal);
            channel.commit(third, "{\"record\":3}\n".length());
            assertThat(Files.size(journal)).as("written into the preallocated zeros").isEqualTo(allocated);
            written = Files.readAllBytes(journal);
            assertThat(new String(written, 0, (int) channel.committedEnd(), StandardCharsets.UTF_8))
                    .endsWith("{\"record\":2}\n{\"record\":3}\n");
            assertThat(written[(int) channel.committedEnd()]).as("only the given length is written").isZero();
        }
    }

    private static long zerosAtTheEnd(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return bytes.length - end;
    }
}
