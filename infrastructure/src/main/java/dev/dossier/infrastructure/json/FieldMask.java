package dev.dossier.infrastructure.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a {@link FieldFilter} to events: every masked value (whatever its JSON type) becomes the string
 * {@value #MASK}; the rest of the payload, and the envelope, stay as they were. An event with nothing to
 * mask is returned unchanged (same payload bytes).
 */
public final class FieldMask {
    /** What a masked value becomes. */
    public static final String MASK = "***";

    private final FieldFilter filter;

    public FieldMask(FieldFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** The event with its masked fields replaced; the payload becomes the masked {@link RawJson}. */
    public RecordedEvent apply(RecordedEvent event) {
        JsonNode tree;
        try {
            tree = JsonSupport.mapper().readTree(event.data().json());
        } catch (JacksonException e) {
            throw new CorruptDataException(event.eventId().toString(), "the payload is not JSON: " + e.getOriginalMessage());
        }
        if (!mask(event.eventType(), tree, "")) {
            return event;
        }
        RawJson masked = RawJson.of(tree.toString());
        return event.toBuilder().data(masked).payload(masked).build();
    }

    private boolean mask(EventType type, JsonNode node, String prefix) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                if (filter.masks(type, path)) {
                    field.setValue(TextNode.valueOf(MASK));
                    changed = true;
                } else {
                    changed |= mask(type, field.getValue(), path);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                changed |= mask(type, element, prefix);
            }
        }
        return changed;
    }
}
