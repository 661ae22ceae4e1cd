package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.port.CheckpointStore;
import dev.dossier.domain.port.ParkedEventStore;
import dev.dossier.domain.port.ReadModelStore;
import dev.dossier.infrastructure.contract.SubscriptionStoreFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Checkpoint, parked-event and read-model stores beside a fresh filesystem event store. */
final class FileSystemSubscriptionFixture implements SubscriptionStoreFixture {
    private final FileStoreOptions options;

    FileSystemSubscriptionFixture() {
        try {
            options = FileStoreOptions.at(Files.createTempDirectory("dossier-subscriptions-").resolve("store"))
                    .withDurability(Durability.OS_BUFFERED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileSystemEventStore.open(options).close();
    }

    FileStoreOptions options() {
        return options;
    }

    @Override
    public CheckpointStore createCheckpoints() {
        return FileSystemCheckpointStore.open(options);
    }

    @Override
    public ParkedEventStore createParked() {
        return FileSystemParkedEventStore.open(options);
    }

    @Override
    public ReadModelStore createReadModels() {
        return FileSystemReadModelStore.open(options);
    }

    @Override
    public CheckpointStore reopen(CheckpointStore store) {
        return FileSystemCheckpointStore.open(options);
    }

    @Override
    public ParkedEventStore reopen(ParkedEventStore store) {
        return FileSystemParkedEventStore.open(options);
    }

    @Override
    public void discard() {
        FileSystemFixture.deleteTree(options.root().getParent());
    }
}
