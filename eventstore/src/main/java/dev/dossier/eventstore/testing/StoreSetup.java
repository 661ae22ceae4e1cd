package dev.dossier.eventstore.testing;

import dev.dossier.eventstore.Dossier;

/**
 * How a test's store is configured: the host's payload classes, aliases and schema evolution, exactly as
 * the host configures its production store. Implementations need a no-argument constructor when named in
 * an annotation.
 */
@FunctionalInterface
public interface StoreSetup {

    /** Configures {@code dossier} (already pointing at the temporary store) and returns it. */
    Dossier configure(Dossier dossier);

    /** No configuration: payloads stay {@link dev.dossier.domain.model.RawJson}. */
    static StoreSetup none() {
        return new None();
    }

    /** The setup that configures nothing; the annotations' default. */
    final class None implements StoreSetup {
        @Override
        public Dossier configure(Dossier dossier) {
            return dossier;
        }
    }
}
