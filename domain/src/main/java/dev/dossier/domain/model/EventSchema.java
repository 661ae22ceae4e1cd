package dev.dossier.domain.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares on a payload class the event type it is written as and its current schema version, e.g.
 * {@code @EventSchema(type = "OrderPlaced", version = 3)}. {@link EventTypeRegistry#register(Class)}
 * reads it; new events of the class are written with this version, and older stored versions are
 * upcast to it when read.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventSchema {
    /** The event type name. */
    String type();

    /** The current schema version, 1 or more. */
    int version() default 1;
}
