package dev.dossier.eventstore.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a fresh temporary store loaded with a recording from the test class path into a test parameter
 * of type {@link RecordedStore} or {@link dev.dossier.domain.port.EventStorePort}:
 * <pre>{@code
 * @Test
 * void a_shipped_order_takes_no_more_items(@Recording("recordings/checkout.zip") RecordedStore recorded) { ... }
 * }</pre>
 * The store is closed and its temporary directory deleted after the test (for a parameter of a test or
 * lifecycle method) or after the class (for a constructor or {@code @BeforeAll} parameter). The recording
 * itself is only read.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DossierExtension.class)
public @interface Recording {

    /**
     * The recording's class path resource: a zip ({@code eventstore record --zip}) or a directory, e.g.
     * {@code "recordings/checkout.zip"} for {@code src/test/resources/recordings/checkout.zip}.
     */
    String value();

    /** Where the store lives; a filesystem copy by default. */
    StoreKind kind() default StoreKind.FILESYSTEM;

    /** The host's configuration (payload classes, schemas); none by default. */
    Class<? extends StoreSetup> setup() default StoreSetup.None.class;
}
