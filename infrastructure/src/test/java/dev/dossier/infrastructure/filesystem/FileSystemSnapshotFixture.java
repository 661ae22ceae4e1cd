package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.port.ProcessedCommandStore;
import dev.dossier.domain.port.SnapshotStore;
import dev.dossier.infrastructure.contract.SnapshotStoreFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Snapshot and processed-command stores beside a fresh filesystem event store in a temporary directory. */
public final class FileSystemSnapshotFixture implements SnapshotStoreFixture {
    private final FileStoreOptions options;

    public FileSystemSnapshotFixture() {
        try {
            options = FileStoreOptions.at(Files.createTempDirectory("dossier-snapshots-").resolve("store"))
                    .withDurability(Durability.OS_BUFFERED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileSystemEventStore.open(options).close();
    }

    public Path root() {
        return options.root();
    }

    public FileStoreOptions options() {
        return options;
    }

    @Override
    public SnapshotStore createSnapshots() {
        return FileSystemSnapshotStore.open(options);
    }

    @Override
    public ProcessedCommandStore createCommands() {
        return FileSystemProcessedCommandStore.open(options);
    }

    @Override
    public SnapshotStore reopen(SnapshotStore store) {
        return FileSystemSnapshotStore.open(options);
    }

    @Override
    public ProcessedCommandStore reopen(ProcessedCommandStore store) {
        return FileSystemProcessedCommandStore.open(options);
    }

    @Override
    public void discard() {
        FileSystemFixture.deleteTree(options.root().getParent());
    }
}
