package dev.dossier.infrastructure.json;

import dev.dossier.domain.model.EventType;

/**
 * A host's rule for personal data: whether the payload field at {@code path} of an event of {@code type}
 * must be masked when events leave the store (a recording). Paths are field names joined with dots from
 * the payload's top object ({@code customer.email}); array elements share their array's path.
 */
@FunctionalInterface
public interface FieldFilter {

    /** Whether the value at {@code path} is replaced by {@link FieldMask#MASK}. */
    boolean masks(EventType type, String path);

    /** Masks nothing. */
    static FieldFilter none() {
        return (type, path) -> false;
    }

    /** Masks every field whose last name is one of {@code names}, in any event type and at any depth. */
    static FieldFilter named(String... names) {
        var set = java.util.Set.of(names);
        return (type, path) -> set.contains(path.substring(path.lastIndexOf('.') + 1));
    }
}
