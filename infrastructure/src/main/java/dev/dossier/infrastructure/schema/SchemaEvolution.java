package dev.dossier.infrastructure.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.EventType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A host's upcasters, at most one per event type and schema version, and what to do with events that
 * cannot be brought to a known schema. Immutable; built with {@link #builder()}. Defaults: an event of an
 * unknown type is read as raw JSON (as the store always did); an event newer than the registered schema
 * version is an error.
 */
public final class SchemaEvolution {
    private static final SchemaEvolution NONE = builder().build();

    private final Map<TypeVersion, UpcastStep> steps;
    private final Set<EventType> typesWithSteps;
    private final Fallback onUnknownType;
    private final Fallback onNewerVersion;
    private final boolean mayDeepen;

    private SchemaEvolution(Builder builder) {
        this.steps = Map.copyOf(builder.steps);
        var types = new HashSet<EventType>();
        steps.keySet().forEach(at -> types.add(at.type()));
        this.typesWithSteps = Set.copyOf(types);
        this.onUnknownType = builder.onUnknownType;
        this.onNewerVersion = builder.onNewerVersion;
        this.mayDeepen = steps.values().stream().anyMatch(SchemaEvolution::mayDeepen);
    }

    /**
     * Whether some upcaster can make a payload nest deeper than it was stored: code (a custom step or a
     * split), or a field added with an object or array value. Renames, removals and retypes cannot.
     */
    public boolean mayDeepen() {
        return mayDeepen;
    }

    private static boolean mayDeepen(UpcastStep step) {
        if (step instanceof UpcastStep.Custom || step instanceof UpcastStep.Split) {
            return true;
        }
        return step instanceof UpcastStep.Fields fields && fields.changes().stream().anyMatch(change ->
                change instanceof FieldTransformation.AddField add && add.value() != null
                        && add.value().isContainerNode());
    }

    /** No upcasters, default fallbacks. */
    public static SchemaEvolution none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The upcaster that starts at {@code at}, if any. */
    public Optional<UpcastStep> stepFrom(TypeVersion at) {
        return Optional.ofNullable(steps.get(at));
    }

    /** Whether any upcaster starts at some version of {@code type}; cheap, for the read path. */
    public boolean hasSteps(EventType type) {
        return typesWithSteps.contains(type);
    }

    /** Every upcaster by where it starts. */
    public Map<TypeVersion, UpcastStep> steps() {
        return steps;
    }

    public Fallback onUnknownType() {
        return onUnknownType;
    }

    public Fallback onNewerVersion() {
        return onNewerVersion;
    }

    /** Collects upcasters; each {@code from} is the schema version the step reads. */
    public static final class Builder {
        private final Map<TypeVersion, UpcastStep> steps = new HashMap<>();
        private Fallback onUnknownType = Fallback.RAW_JSON;
        private Fallback onNewerVersion = Fallback.FAIL;

        private Builder() {
        }

        /** Field changes that take {@code type} from version {@code from} to {@code from + 1}. */
        public Builder fields(String type, int from, FieldTransformation... changes) {
            return step(TypeVersion.of(type, from), new UpcastStep.Fields(List.of(changes)));
        }

        /** A change written as code that takes {@code type} from version {@code from} to {@code from + 1}. */
        public Builder custom(String type, int from, UnaryOperator<JsonNode> change) {
            return step(TypeVersion.of(type, from), new UpcastStep.Custom(change));
        }

        /** Events of {@code type} at {@code version} continue as {@code newType} at the same version. */
        public Builder renameType(String type, int version, String newType) {
            return step(TypeVersion.of(type, version), new UpcastStep.RenameType(EventType.of(newType)));
        }

        /** Events of {@code type} at {@code version} become one event per part of {@code into}. */
        public Builder split(String type, int version, List<TypeVersion> into,
                             Function<JsonNode, List<JsonNode>> splitter) {
            return step(TypeVersion.of(type, version), new UpcastStep.Split(into, splitter));
        }

        /** Any step, starting at {@code from}. */
        public Builder step(TypeVersion from, UpcastStep step) {
            Objects.requireNonNull(step, "step");
            if (steps.putIfAbsent(from, step) != null) {
                throw new InvalidInputException("upcaster", "two upcasters start at " + from);
            }
            return this;
        }

        public Builder onUnknownType(Fallback fallback) {
            onUnknownType = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        public Builder onNewerVersion(Fallback fallback) {
            onNewerVersion = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        public SchemaEvolution build() {
            return new SchemaEvolution(this);
        }
    }
}
