package dev.dossier.infrastructure.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dossier.domain.error.EventSerializationException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.RawJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * Turns payloads into canonical compact JSON for the store, checking them (valid JSON, no duplicate keys,
 * depth and size limits), and parses stored payloads into trees; {@link #binder()} binds stored payloads to
 * the registered classes.
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
    private final PayloadBinder binder;

    public PayloadCodec(EventTypeRegistry registry, int maxPayloadBytes) {
        this.registry = registry;
        this.maxPayloadBytes = maxPayloadBytes;
        this.binder = new PayloadBinder(registry);
    }

    /** The same codec binding payloads through {@code other}. */
    public PayloadCodec withRegistry(EventTypeRegistry other) {
        return new PayloadCodec(other, maxPayloadBytes);
    }

    public EventTypeRegistry registry() {
        return registry;
    }

    /** How stored payloads are bound to the classes of this codec's registry when they are read. */
    public PayloadBinder binder() {
        return binder;
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
        int size = utf8Length(compact);
        if (size > maxPayloadBytes) {
            throw new InvalidInputException("payload", "of event type '" + type + "' is " + size
                    + " bytes of JSON; the limit is " + maxPayloadBytes + " bytes (configurable: maxPayloadBytes)");
        }
        return compact;
    }

    /** How many bytes {@code text} takes in UTF-8, as {@link String#getBytes} encodes it, without encoding it. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
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

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
