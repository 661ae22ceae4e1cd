package dev.dossier.infrastructure.memory;

import dev.dossier.infrastructure.contract.SchemaEvolutionContract;
import dev.dossier.infrastructure.contract.SchemaFixture;

/** Upcasting on the in-memory store. */
class InMemorySchemaEvolutionTest extends SchemaEvolutionContract {
    @Override
    protected SchemaFixture fixture() {
        return new InMemoryFixture();
    }
}
