package dev.dossier.infrastructure.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;

/** The JSON value kinds a field can be retyped to. Null stays null; a value that does not convert is an error. */
public enum JsonKind {
    STRING, INTEGER, DECIMAL, BOOLEAN;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * {@code value} as this kind.
     *
     * @throws IllegalArgumentException when it cannot be converted without losing information
     */
    JsonNode convert(JsonNode value) {
        if (value.isNull()) {
            return value;
        }
        if (value.isContainerNode()) {
            throw new IllegalArgumentException("an object or array cannot become " + this);
        }
        String text = value.asText();
        return switch (this) {
            case STRING -> NODES.textNode(text);
            case INTEGER -> NODES.numberNode(new BigDecimal(text.trim()).toBigIntegerExact());
            case DECIMAL -> NODES.numberNode(new BigDecimal(text.trim()));
            case BOOLEAN -> switch (text.trim()) {
                case "true" -> NODES.booleanNode(true);
                case "false" -> NODES.booleanNode(false);
                default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
            };
        };
    }
}
