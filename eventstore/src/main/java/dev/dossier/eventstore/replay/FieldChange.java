package dev.dossier.eventstore.replay;

import dev.dossier.domain.error.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of the merged payload view that differs between two points.
 *
 * @param field  the top-level payload field
 * @param before its value (compact JSON) at the first point; empty when absent there
 * @param after  its value at the second point; empty when absent there
 */
public record FieldChange(String field, Optional<String> before, Optional<String> after) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
        before = before == null ? Optional.empty() : before;
        after = after == null ? Optional.empty() : after;
        if (before.equals(after)) {
            throw new InvalidInputException("field change", "'" + field + "' did not change");
        }
    }
}
