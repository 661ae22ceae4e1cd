package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dossier.domain.error.CorruptDataException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the values of envelope fields: text, whole numbers and metadata; a value of another type reads
 * as missing (the field is then reported as missing or of the wrong type), and every skipped value's keys
 * are still checked for duplicates.
 */
final class EnvelopeValues {
    private EnvelopeValues() {
    }

    /**
     * Skips a value (of a field the format does not know, or of the wrong type), checking its keys for
     * duplicates as well: the parser reuses the contexts of nested objects, and one made here without a
     * duplicate check would later serve the payload's objects at that depth without one.
     */
    static void skip(JsonParser parser) throws IOException {
        if (!parser.currentToken().isStructStart()) {
            return;
        }
        parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        parser.skipChildren();
        parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** A value of the wrong type: read as missing, its keys still checked. */
    private static <T> T skipped(JsonParser parser) throws IOException {
        skip(parser);
        return null;
    }

    /** The text, or null for a value of another type. */
    static String text(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : skipped(parser);
    }

    /** The whole number (one a long holds), or null for a value of another type. */
    static Long number(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? parser.getLongValue() : skipped(parser);
    }

    /**
     * The metadata: string keys to plain values (as text); empty for null.
     *
     * @throws CorruptDataException naming {@code file} when it is not an object of plain values, or repeats a key
     */
    static Map<String, String> metadata(String file, JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new CorruptDataException(file, "the field 'metadata' is not an object");
        }
        var map = new LinkedHashMap<String, String>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isStructStart()) {
                throw new CorruptDataException(file, "metadata '" + key + "' is not a plain value");
            }
            if (map.put(key, parser.getText()) != null) {
                throw new CorruptDataException(file, "Duplicate field '" + key + "' in metadata");
            }
        }
        return map;
    }
}
