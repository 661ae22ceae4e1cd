package dev.dossier.infrastructure.schema;

import dev.dossier.domain.model.EventTypeRegistry;

/**
 * A host's schema definitions in one place, so that tools outside the host (the {@code eventstore
 * migrate} and {@code schemas} commands, given {@code --schemas <class>}) can use them. Implementations
 * need a public no-argument constructor.
 */
public interface SchemaDefinitions {

    /** The event classes with their current schema versions and aliases. */
    EventTypeRegistry types();

    /** The upcasters and fallbacks. */
    SchemaEvolution evolution();
}
