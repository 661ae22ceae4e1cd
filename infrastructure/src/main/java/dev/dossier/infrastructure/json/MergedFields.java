package dev.dossier.infrastructure.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.model.RecordedEvent;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A naive view of an aggregate's state made from its payloads alone: the top-level fields of every JSON
 * object payload, later events overwriting earlier ones. Payloads that are not objects are skipped. It is a
 * reading aid for time travel, not the host's state (which its own fold computes).
 *
 * @param fields field name to its latest value as compact JSON text, sorted by name
 */
public record MergedFields(SortedMap<String, String> fields) {

    public MergedFields {
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    /** The merged fields of {@code events}, in the given order. */
    public static MergedFields of(Iterable<RecordedEvent> events) {
        var fields = new TreeMap<String, String>();
        for (RecordedEvent event : events) {
            JsonNode tree = parse(event.data().json());
            if (tree != null && tree.isObject()) {
                tree.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().toString()));
            }
        }
        return new MergedFields(fields);
    }

    /** This view as one compact JSON object. */
    public String toJson() {
        var node = JsonSupport.mapper().createObjectNode();
        fields.forEach((name, json) -> node.set(name, parse(json)));
        return node.toString();
    }

    /** The value of {@code name} as JSON text, or null when absent. */
    public String get(String name) {
        return fields.get(name);
    }

    public Map<String, String> asMap() {
        return fields;
    }

    private static JsonNode parse(String json) {
        try {
            return JsonSupport.mapper().readTree(json);
        } catch (JacksonException e) {
            return null;
        }
    }
}
