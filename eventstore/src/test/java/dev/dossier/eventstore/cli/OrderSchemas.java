package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.infrastructure.contract.OrderHistory;
import dev.dossier.infrastructure.schema.SchemaDefinitions;
import dev.dossier.infrastructure.schema.SchemaEvolution;

/** The order history's definitions, as a host would hand them to {@code --schemas}. */
public final class OrderSchemas implements SchemaDefinitions {
    @Override
    public EventTypeRegistry types() {
        return OrderHistory.types().alias("CustomerRegistered", "ClientSignedUp");
    }

    @Override
    public SchemaEvolution evolution() {
        return OrderHistory.evolution().build();
    }
}
