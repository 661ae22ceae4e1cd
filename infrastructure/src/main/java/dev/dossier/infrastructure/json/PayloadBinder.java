package dev.dossier.infrastructure.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dossier.domain.error.EventSerializationException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.RawJson;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds stored payloads to the classes of an {@link EventTypeRegistry} when they are read. Only registered
 * classes are ever instantiated (no class is named by a file); any other event type is returned as
 * {@link RawJson}. Thread-safe.
 */
public final class PayloadBinder {
    private final ObjectMapper mapper = JsonSupport.mapper();
    private final EventTypeRegistry registry;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    /** Per registered type (or alias), its schema version and the reader that binds it in place, if any. */
    private final Map<EventType, Target> targets = new ConcurrentHashMap<>();

    /** A registered type's schema version and class, and the reader of that class; null for {@link RawJson}. */
    private record Target(int schemaVersion, Class<?> payloadClass, ObjectReader inPlace) {
    }

    PayloadBinder(EventTypeRegistry registry) {
        this.registry = registry;
    }

    /**
     * Whether an adapter binds a stored payload of {@code type} at {@code schemaVersion} when it reads it:
     * only when a class is registered and the version is the registered one. Any other version is left as
     * raw JSON for the upcasting step, so no class is ever filled from a schema it does not have.
     */
    public boolean binds(EventType type, int schemaVersion) {
        return registry.isRegistered(type) && registry.schemaVersionOf(type) == schemaVersion;
    }

    /**
     * The payload for a reader: an instance of the registered class, or {@code raw} when the type has none.
     * Binds {@code tree}, or {@code raw}'s text when the tree is null.
     *
     * @throws EventSerializationException when the JSON does not fit the registered class
     */
    public Object bind(EventType type, RawJson raw, JsonNode tree) {
        Class<?> target = registry.classFor(type).orElse(null);
        if (target == null || target == RawJson.class) {
            return raw;
        }
        try {
            return tree != null ? readerFor(target).readValue(tree) : readerFor(target).readValue(raw.json());
        } catch (IOException | IllegalArgumentException e) {
            throw new EventSerializationException(type.value(), "stored JSON does not fit "
                    + target.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Like {@link #bind(EventType, RawJson, JsonNode)}, reading the payload from {@code parser}.
     *
     * @throws EventSerializationException when the JSON does not fit the registered class
     */
    public Object bind(EventType type, RawJson raw, JsonParser parser) {
        Class<?> target = registry.classFor(type).orElse(null);
        if (target == null || target == RawJson.class) {
            return raw;
        }
        try {
            return mapper.readValue(parser, target);
        } catch (IOException | IllegalArgumentException e) {
            throw new EventSerializationException(type.value(), "stored JSON does not fit "
                    + target.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@link #bindInPlace} applies to a stored payload of {@code type} at {@code schemaVersion}: the
     * adapter binds it ({@link #binds}) to a class other than {@link RawJson}.
     */
    public boolean bindsInPlace(EventType type, int schemaVersion) {
        Target target = targetOf(type);
        return target != null && target.schemaVersion() == schemaVersion && target.inPlace() != null;
    }

    /** What binds {@code type}; null when it is not registered (unregistered types are not remembered). */
    private Target targetOf(EventType type) {
        Target known = targets.get(type);
        if (known != null || !registry.isRegistered(type)) {
            return known;
        }
        Class<?> target = registry.classFor(type).orElseThrow();
        return targets.computeIfAbsent(type, t -> new Target(registry.schemaVersionOf(t), target,
                target == RawJson.class ? null : readerFor(target)));
    }

    /**
     * Binds the value {@code parser} is on (its first token current) to the class registered for
     * {@code type}, for an adapter that reads the payload in the middle of a larger document in one pass:
     * exactly that value is consumed and the parser is left on its last token.
     *
     * @throws EventSerializationException when the JSON does not fit the registered class
     * @throws IOException when the JSON itself is malformed (the caller reports where)
     */
    public Object bindInPlace(EventType type, JsonParser parser) throws IOException {
        Target bound = targetOf(type);
        if (bound == null || bound.inPlace() == null) {
            throw new IllegalArgumentException("no class other than RawJson is registered for " + type.value()
                    + "; ask bindsInPlace first");
        }
        Class<?> target = bound.payloadClass();
        JsonStreamContext around = parser.getParsingContext().getParent();
        Object payload;
        try {
            payload = bound.inPlace().readValue(parser);
        } catch (DatabindException | IllegalArgumentException e) {
            JsonParseException malformed = malformedCause(e);
            if (malformed != null) {
                throw malformed;
            }
            throw new EventSerializationException(type.value(), "stored JSON does not fit "
                    + target.getName() + ": " + e.getMessage(), e);
        }
        if (parser.getParsingContext() != around) {
            throw new EventSerializationException(type.value(), "the deserializer of " + target.getName()
                    + " stopped before the end of the stored JSON", null);
        }
        return payload;
    }

    /** A reader of {@code target}, made once per class; it reads a value in the middle of a document too. */
    private ObjectReader readerFor(Class<?> target) {
        return readers.computeIfAbsent(target, c -> mapper.readerFor(c)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    /**
     * The JSON syntax error (or duplicate key) behind a binding failure, which Jackson wraps when it meets one
     * inside a property; null when the JSON is well formed but does not fit (a number out of range included).
     */
    private static JsonParseException malformedCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException syntax) {
                return syntax;
            }
        }
        return null;
    }
}
