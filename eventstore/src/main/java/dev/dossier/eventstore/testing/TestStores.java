package dev.dossier.eventstore.testing;

import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.Dossier;
import dev.dossier.eventstore.replay.OpenedRecording;
import dev.dossier.eventstore.replay.RecordingManifest;
import dev.dossier.eventstore.replay.Recordings;
import dev.dossier.infrastructure.filesystem.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens {@link RecordedStore}s without JUnit: each in a new, uniquely named temporary directory (or in
 * memory), so any number may be open at once on any threads. The source recording is only read.
 */
public final class TestStores {
    private static final String STORE = "store";

    private TestStores() {
    }

    /**
     * A fresh store loaded with the recording (or store) at {@code recording}: a directory or a zip.
     *
     * @throws dev.dossier.domain.error.IncompatibleStoreException when it is neither a store nor a recording
     */
    public static RecordedStore fromRecording(Path recording, StoreKind kind, StoreSetup setup) {
        if (kind == StoreKind.IN_MEMORY) {
            try (OpenedRecording opened = OpenedRecording.open(recording)) {
                return new RecordedStore(InMemoryLoader.load(opened.store(), setup), kind, opened.manifest(),
                        Optional.empty());
            }
        }
        Path scratch = ScratchDirectory.create();
        try {
            Path root = Files.createDirectory(scratch.resolve(STORE));
            Optional<RecordingManifest> manifest = Recordings.copy(recording, root);
            return new RecordedStore(open(root, setup), kind, manifest, Optional.of(root));
        } catch (IOException | RuntimeException e) {
            ScratchDirectory.delete(scratch);
            throw e instanceof RuntimeException runtime ? runtime
                    : new StorageException("create a test store", e);
        }
    }

    /** A fresh store holding the events {@code events} appends. */
    public static RecordedStore fromEvents(EventSet events, StoreKind kind, StoreSetup setup) {
        if (kind == StoreKind.IN_MEMORY) {
            EventStorePort store = setup.configure(Dossier.builder()).openInMemory();
            return filled(new RecordedStore(store, kind, Optional.empty(), Optional.empty()), events);
        }
        Path scratch = ScratchDirectory.create();
        Path root = scratch.resolve(STORE);
        EventStorePort store;
        try {
            store = open(root, setup);
        } catch (RuntimeException e) {
            ScratchDirectory.delete(scratch);
            throw e;
        }
        return filled(new RecordedStore(store, kind, Optional.empty(), Optional.of(root)), events);
    }

    private static RecordedStore filled(RecordedStore recorded, EventSet events) {
        try {
            events.appendTo(recorded.store());
            return recorded;
        } catch (RuntimeException e) {
            recorded.close();
            throw e;
        }
    }

    private static EventStorePort open(Path root, StoreSetup setup) {
        return setup.configure(Dossier.builder()).path(root).durability(Durability.OS_BUFFERED).open();
    }
}
