package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.contract.SchemaEvolutionContract;
import dev.dossier.infrastructure.contract.SchemaFixture;

/** Upcasting on the filesystem store. */
class FileSystemSchemaEvolutionTest extends SchemaEvolutionContract {
    @Override
    protected SchemaFixture fixture() {
        return new FileSystemFixture(Durability.OS_BUFFERED);
    }
}
