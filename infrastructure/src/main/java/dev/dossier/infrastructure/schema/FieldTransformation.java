package dev.dossier.infrastructure.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.infrastructure.json.JsonSupport;
import java.util.Objects;

/**
 * One change to a top-level field of an object payload. The closed set of changes that need no code;
 * anything else is a {@link UpcastStep.Custom} step. Each applies to the payload object in place.
 */
public sealed interface FieldTransformation {

    /**
     * Changes {@code payload}.
     *
     * @throws IllegalArgumentException when the change cannot be made (a value that does not convert)
     */
    void applyTo(ObjectNode payload);

    /** Sets {@code name} to {@code value} when the payload has no such field; an existing value is kept. */
    record AddField(String name, JsonNode value) implements FieldTransformation {
        public AddField {
            requireName(name);
            Objects.requireNonNull(value, "value");
        }

        @Override
        public void applyTo(ObjectNode payload) {
            if (!payload.has(name)) {
                payload.set(name, value.deepCopy());
            }
        }
    }

    /** Moves the value of {@code from} to {@code to} (replacing any value there); nothing when {@code from} is absent. */
    record RenameField(String from, String to) implements FieldTransformation {
        public RenameField {
            requireName(from);
            requireName(to);
        }

        @Override
        public void applyTo(ObjectNode payload) {
            JsonNode value = payload.remove(from);
            if (value != null) {
                payload.set(to, value);
            }
        }
    }

    /** Removes {@code name}, if present. */
    record RemoveField(String name) implements FieldTransformation {
        public RemoveField {
            requireName(name);
        }

        @Override
        public void applyTo(ObjectNode payload) {
            payload.remove(name);
        }
    }

    /** Converts the value of {@code name}, if present, to {@code kind}; e.g. the number 12 to the string "12". */
    record RetypeField(String name, JsonKind kind) implements FieldTransformation {
        public RetypeField {
            requireName(name);
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public void applyTo(ObjectNode payload) {
            JsonNode value = payload.get(name);
            if (value != null) {
                try {
                    payload.set(name, kind.convert(value));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new IllegalArgumentException("field '" + name + "' (" + value + ") cannot become "
                            + kind + ": " + e.getMessage(), e);
                }
            }
        }
    }

    static AddField add(String name, Object value) {
        JsonNode tree = value == null ? null : JsonSupport.mapper().valueToTree(value);
        return new AddField(name, tree == null ? JsonSupport.mapper().nullNode() : tree);
    }

    static RenameField rename(String from, String to) {
        return new RenameField(from, to);
    }

    static RemoveField remove(String name) {
        return new RemoveField(name);
    }

    static RetypeField retype(String name, JsonKind kind) {
        return new RetypeField(name, kind);
    }

    private static void requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new dev.dossier.domain.error.InvalidInputException("field name", "must not be empty");
        }
    }
}
