package dev.dossier.infrastructure.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One upcaster: what to do with a stored payload of one event type at one schema version. Each kind
 * declares where it leads ({@link #targets}), so a missing step is found when the store opens, not at the
 * first read. A step either raises the version or changes the type; the chain ends at the version the
 * host registered for the type.
 */
public sealed interface UpcastStep {

    /** Where the step leads from {@code from}: one place, or several for a split. */
    List<TypeVersion> targets(TypeVersion from);

    /**
     * Applies the step to {@code event} (whose tree may be changed in place).
     *
     * @throws IllegalArgumentException when the payload does not fit the step
     */
    List<JsonEvent> apply(JsonEvent event);

    /** Field changes, in order, from version n to n + 1 of an object payload. */
    record Fields(List<FieldTransformation> changes) implements UpcastStep {
        public Fields {
            changes = List.copyOf(changes);
        }

        @Override
        public List<TypeVersion> targets(TypeVersion from) {
            return List.of(from.next());
        }

        @Override
        public List<JsonEvent> apply(JsonEvent event) {
            if (!(event.data() instanceof ObjectNode object)) {
                throw new IllegalArgumentException("field changes need a JSON object, the payload is "
                        + event.data().getNodeType());
            }
            for (FieldTransformation change : changes) {
                change.applyTo(object);
            }
            return List.of(new JsonEvent(event.type(), event.version() + 1, object));
        }
    }

    /** Any change of the payload from version n to n + 1, written as code. */
    record Custom(UnaryOperator<JsonNode> change) implements UpcastStep {
        public Custom {
            Objects.requireNonNull(change, "change");
        }

        @Override
        public List<TypeVersion> targets(TypeVersion from) {
            return List.of(from.next());
        }

        @Override
        public List<JsonEvent> apply(JsonEvent event) {
            JsonNode result = Objects.requireNonNull(change.apply(event.data()), "a custom upcaster returned null");
            return List.of(new JsonEvent(event.type(), event.version() + 1, result));
        }
    }

    /** The event type was renamed: the payload continues, unchanged, as {@code to} at the same version. */
    record RenameType(EventType to) implements UpcastStep {
        public RenameType {
            Objects.requireNonNull(to, "to");
        }

        @Override
        public List<TypeVersion> targets(TypeVersion from) {
            return List.of(new TypeVersion(to, from.version()));
        }

        @Override
        public List<JsonEvent> apply(JsonEvent event) {
            return List.of(new JsonEvent(to, event.version(), event.data()));
        }
    }

    /**
     * One stored event becomes several: {@code splitter} returns one payload per declared part, in the
     * order of {@code into}.
     */
    record Split(List<TypeVersion> into, Function<JsonNode, List<JsonNode>> splitter) implements UpcastStep {
        public Split {
            into = List.copyOf(into);
            Objects.requireNonNull(splitter, "splitter");
            if (into.size() < 2) {
                throw new dev.dossier.domain.error.InvalidInputException("split", "must declare at least two parts");
            }
        }

        @Override
        public List<TypeVersion> targets(TypeVersion from) {
            return into;
        }

        @Override
        public List<JsonEvent> apply(JsonEvent event) {
            List<JsonNode> parts = splitter.apply(event.data());
            if (parts == null || parts.size() != into.size()) {
                throw new IllegalArgumentException("the split declares " + into.size() + " parts but returned "
                        + (parts == null ? "null" : parts.size()));
            }
            var events = new ArrayList<JsonEvent>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                JsonNode part = Objects.requireNonNull(parts.get(i), "a split returned a null part");
                events.add(new JsonEvent(into.get(i).type(), into.get(i).version(), part));
            }
            return events;
        }
    }
}
