package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.EventRecorder;
import dev.dossier.infrastructure.common.StoreIndex;

/** The collaborators of one open filesystem store, wired once by {@link StoreOpener}. */
record FileStoreParts(
        FileStoreOptions options,
        StoreLayout layout,
        DurableFiles files,
        EventFileCodec codec,
        EventRecorder recorder,
        StoreIndex index,
        RangeCatalog catalog,
        IndexLog log,
        IndexCache indexCache,
        Journal journal,
        JournalApplier applier,
        Checkpointer checkpointer,
        WriteLock lock,
        MetadataRegistries registries,
        StoreRecovery recovery) {
}
