package dev.dossier.infrastructure.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dossier.domain.error.EventSerializationException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.RawJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns payloads into canonical compact JSON and back. Only classes in the {@link EventTypeRegistry} are
 * ever bound when reading; any other event type is returned as {@link RawJson}.
 */
public final class PayloadCodec {
    /** Default largest payload, in UTF-8 bytes of its compact JSON. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
    /**
     * Deepest nesting accepted in a payload: one less than {@link JsonSupport#MAX_NESTING_DEPTH}, because an
     * event file wraps the payload in its envelope object, and the file must stay readable.
     */
    public static final int MAX_PAYLOAD_DEPTH = JsonSupport.MAX_NESTING_DEPTH - 1;

    private final ObjectMapper mapper = JsonSupport.mapper();
    private final EventTypeRegistry registry;
    private final int maxPayloadBytes;
    private final Map<Class<?>, ObjectReader> readers =
            new ConcurrentHashMap<>();

    public PayloadCodec(EventTypeRegistry registry, int maxPayloadBytes) {
        this.registry = registry;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** The same codec binding payloads through {@code other}. */
    public PayloadCodec withRegistry(EventTypeRegistry other) {
        return new PayloadCodec(other, maxPayloadBytes);
    }

    public EventTypeRegistry registry() {
        return registry;
    }

    /**
     * A payload checked for the store: its compact JSON text, and its tree when it was built from an object
     * (null when it was handed in as text, which is checked and compacted without a tree).
     */
    public record Checked(JsonNode tree, String compact) {
    }

    /**
     * The payload as a JSON tree and as compact text: a {@link RawJson} is parsed (so invalid JSON or
     * duplicate keys are refused), any other object is serialized with Jackson.
     *
     * @throws InvalidInputException when the JSON is invalid or larger than the limit
     * @throws EventSerializationException when Jackson cannot serialize the object
     */
    public Checked encode(EventType type, Object payload) {
        JsonNode tree;
        if (payload instanceof RawJson raw) {
            String compact = CompactJson.of(mapper, raw.json(), MAX_PAYLOAD_DEPTH).orElse(null);
            if (compact != null) {
                return new Checked(null, checkSize(type, compact));
            }
            tree = parse(type, raw.json());
        } else {
            try {
                tree = mapper.valueToTree(payload);
            } catch (StackOverflowError e) {
                // Jackson serializes an object graph recursively and bounds its depth only when writing
                // text; a graph thousands of levels deep exhausts the stack first. Nothing is held here.
                throw tooDeep(type, "more than " + MAX_PAYLOAD_DEPTH);
            } catch (IllegalArgumentException e) {
                throw new EventSerializationException(type.value(), "Jackson cannot serialize "
                        + payload.getClass().getName() + ": " + e.getMessage(), e);
            }
        }
        int depth = depthOf(tree);
        if (depth > MAX_PAYLOAD_DEPTH) {
            throw tooDeep(type, Integer.toString(depth));
        }
        return new Checked(tree, checkSize(type, compact(tree)));
    }

    private String checkSize(EventType type, String compact) {
        int size = compact.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxPayloadBytes) {
            throw new InvalidInputException("payload", "of event type '" + type + "' is " + size
                    + " bytes of JSON; the limit is " + maxPayloadBytes + " bytes (configurable: maxPayloadBytes)");
        }
        return compact;
    }

    private static InvalidInputException tooDeep(EventType type, String depth) {
        return new InvalidInputException("payload", "of event type '" + type + "' nests " + depth
                + " levels deep; the limit is " + MAX_PAYLOAD_DEPTH + " (the event file adds one level around it)");
    }

    /** How deeply containers nest in {@code tree} (a scalar is 0, {@code []} is 1); iterative, so no stack overflow. */
    static int depthOf(JsonNode tree) {
        var pending = new ArrayDeque<Map.Entry<JsonNode, Integer>>();
        pending.push(Map.entry(tree, tree.isContainerNode() ? 1 : 0));
        int deepest = 0;
        while (!pending.isEmpty()) {
            var next = pending.pop();
            deepest = Math.max(deepest, next.getValue());
            for (JsonNode child : next.getKey()) {
                if (child.isContainerNode()) {
                    pending.push(Map.entry(child, next.getValue() + 1));
                }
            }
        }
        return deepest;
    }

    /** Parses JSON text a caller handed in; a clear error says what is wrong and where. */
    public JsonNode parse(EventType type, String json) {
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidInputException("payload", "of event type '" + type + "' is not valid JSON: "
                    + e.getOriginalMessage() + locationOf(e));
        }
    }

    /**
     * Parses a payload the store wrote (so it is valid JSON) into a tree for upcasting. Parses its UTF-8
     * bytes, which Jackson reads faster than text.
     *
     * @throws EventSerializationException when it is not JSON after all
     */
    public JsonNode parseStored(EventType type, RawJson stored) {
        try {
            return mapper.readTree(stored.json().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EventSerializationException(type.value(), "stored JSON cannot be parsed: " + e.getMessage(), e);
        }
    }

    /**
     * The compact text of a payload tree, produced only when a reader asks for it. When {@code mayBeTooDeep}
     * (the tree may nest deeper than a stored payload can), its depth is checked now, so that a tree too deep
     * to be written is refused now rather than when its text is first asked for.
     *
     * @throws IllegalStateException when the tree is too deep to be written as JSON
     */
    public RawJson text(JsonNode tree, boolean mayBeTooDeep) {
        if (mayBeTooDeep && depthOf(tree) > MAX_PAYLOAD_DEPTH) {
            return RawJson.of(compact(tree));
        }
        return RawJson.lazy(() -> compact(tree));
    }

    /** The compact JSON text of a tree. */
    public String compact(JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
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
        return binds(type, schemaVersion) && registry.classFor(type).filter(c -> c != RawJson.class).isPresent();
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
        Class<?> target = registry.classFor(type).orElseThrow(() -> new IllegalArgumentException(
                "no class is registered for " + type.value()));
        JsonStreamContext around = parser.getParsingContext().getParent();
        Object payload;
        try {
            payload = readerFor(target).readValue(parser);
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

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
