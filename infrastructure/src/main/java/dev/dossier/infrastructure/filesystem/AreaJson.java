package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The envelope of the small JSON files of the subscription areas: a {@code format} name and version. */
final class AreaJson {
    private AreaJson() {
    }

    static ObjectNode start(String format) {
        ObjectNode node = JsonSupport.mapper().createObjectNode();
        node.put("format", format);
        node.put("formatVersion", 1);
        return node;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return (JsonSupport.prettyWriter().writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The file's tree, checked to be of {@code format} version 1. */
    static JsonNode read(byte[] bytes, String format, String name) {
        try {
            JsonNode node = JsonSupport.mapper().readTree(bytes);
            if (node == null || !format.equals(node.path("format").asText()) || node.path("formatVersion").asInt() != 1) {
                throw new CorruptDataException(name, "is not a " + format + " file of format version 1");
            }
            return node;
        } catch (IOException e) {
            throw new CorruptDataException(name, "is not valid JSON: " + e.getMessage(), e);
        }
    }
}
