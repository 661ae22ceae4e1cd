package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.infrastructure.json.JsonSupport;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON a person handed to the tool, checked with messages that say what is wrong and where. */
final class JsonInput {
    private JsonInput() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws CliInputException naming {@code where}, the parser's complaint, line and column
     */
    static JsonNode parse(String where, String text) {
        if (text == null || text.isBlank()) {
            throw new CliInputException(where, "no JSON given (it is empty)");
        }
        try {
            return JsonSupport.mapper().readTree(text);
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new CliInputException(where, "not valid JSON: " + e.getOriginalMessage() + at);
        }
    }

    /** Event metadata: a JSON object whose values are strings, numbers or booleans; empty for null. */
    static Map<String, String> metadata(String where, JsonNode node) {
        var metadata = new LinkedHashMap<String, String>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return metadata;
        }
        if (!node.isObject()) {
            throw new CliInputException(where, "metadata must be a JSON object of strings, not " + node.getNodeType());
        }
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new CliInputException(where, "metadata value '" + field.getKey()
                        + "' must be a string, number or boolean");
            }
            metadata.put(field.getKey(), field.getValue().asText());
        }
        return metadata;
    }
}
