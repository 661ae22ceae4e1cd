package dev.dossier.eventstore.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a fresh temporary store holding the events an {@link EventSet} appends into a test parameter of
 * type {@link RecordedStore} or {@link dev.dossier.domain.port.EventStorePort}. Cleaned up like
 * {@link Recording}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DossierExtension.class)
public @interface GivenEvents {

    /** Writes the events; instantiated once per store. */
    Class<? extends EventSet> value();

    /** Where the store lives; in memory by default. */
    StoreKind kind() default StoreKind.IN_MEMORY;

    /** The host's configuration (payload classes, schemas); none by default. */
    Class<? extends StoreSetup> setup() default StoreSetup.None.class;
}
