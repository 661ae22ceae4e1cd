package dev.dossier.infrastructure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.error.StoreUnavailableException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.faults.FaultyFileSystem;
import dev.dossier.infrastructure.faults.Faults;
import dev.dossier.infrastructure.faults.Op;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second store instance (standing in for another process: it has its own index channel) reads the index
 * between the writer's write and its failing force; the writer then cuts its lines back. The reader must
 * not go on from what it saw: appending from there would leave a hole in the index and reuse positions.
 */
class FailedForceSeenByAnotherReaderTest {
    private static final StreamId STREAM = StreamId.of("account", "a");

    @TempDir
    Path dir;

    @Test
    void a_reader_that_saw_a_commit_whose_force_failed_stops_until_reopened_instead_of_corrupting_the_index() {
        Path root = dir.resolve("store");
        var reader = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.SYNC));
        reader.append(STREAM, ExpectedVersion.noStream(), NewEvent.of("Opened", RawJson.of("{}")));
        var faults = new Faults();
        var writer = FileSystemEventStore.open(FileStoreOptions.at(new FaultyFileSystem(faults).wrap(root)));
        var seenByReader = new AtomicLong();
        faults.listen((index, op, path) -> {
            if (op == Op.FORCE && path.endsWith("event-index.jsonl") && seenByReader.get() == 0) {
                seenByReader.set(reader.lastPosition());
                faults.failAt(index);
            }
        });

        assertThatThrownBy(() -> writer.append(STREAM, ExpectedVersion.exactly(1), NewEvent.of("Lost", RawJson.of("{}"))))
                .isInstanceOf(StorageException.class);
        assertThat(seenByReader.get()).as("the reader saw the unforced commit").isEqualTo(2);
        assertThat(writer.lastPosition()).isEqualTo(1);

        assertThatThrownBy(() -> reader.append(STREAM, ExpectedVersion.any(), NewEvent.of("Next", RawJson.of("{}"))))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("reopen");
        reader.close();
        writer.append(STREAM, ExpectedVersion.exactly(1), NewEvent.of("Deposited", RawJson.of("{}")));
        writer.close();

        assertThat(StoreAudit.check(root, Durability.OS_BUFFERED)).extracting(e -> e.eventType().value())
                .containsExactly("Opened", "Deposited");
    }
}
