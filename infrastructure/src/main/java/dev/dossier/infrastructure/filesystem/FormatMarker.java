package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.error.IncompatibleStoreException;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code metadata/format.json}: marks a directory as a Dossier store and names its format version. Version 2
 * added range files (JSON Lines holding a batch or a pack of one aggregate's events); a version 1 store is
 * a valid version 2 store and is marked as version 2 when a writer opens it.
 */
final class FormatMarker {
    static final String FORMAT_NAME = "dossier-event-store";
    static final int FORMAT_VERSION = 2;

    private FormatMarker() {
    }

    static byte[] create(Instant now) {
        ObjectNode node = JsonSupport.mapper().createObjectNode();
        node.put("format", FORMAT_NAME);
        node.put("formatVersion", FORMAT_VERSION);
        node.put("createdAt", EventFileCodec.TIMESTAMP.format(now));
        node.put("specification", "docs/format.md of Dossier; every event is a JSON file under <aggregate-type>/<aggregate-id>/");
        try {
            return (JsonSupport.prettyWriter().writeValueAsString(node) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The marker of a store of an older format version, rewritten for the current one. */
    static byte[] upgrade(Path marker) throws IOException {
        ObjectNode node = (ObjectNode) JsonSupport.mapper().readTree(Files.readAllBytes(marker));
        node.put("formatVersion", FORMAT_VERSION);
        return (JsonSupport.prettyWriter().writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks the marker of an existing store and returns its format version.
     *
     * @throws IncompatibleStoreException when it is unreadable, not Dossier's, or of a newer format version
     */
    static int check(Path marker, String location) throws IOException {
        JsonNode node;
        try {
            node = JsonSupport.mapper().readTree(Files.readAllBytes(marker));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IncompatibleStoreException(location, "the format marker " + marker
                    + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !FORMAT_NAME.equals(node.path("format").asText())) {
            throw new IncompatibleStoreException(location, "the format marker " + marker
                    + " does not name the format '" + FORMAT_NAME + "'");
        }
        int version = node.path("formatVersion").asInt(-1);
        if (version < 1) {
            throw new IncompatibleStoreException(location, "the format marker has no valid formatVersion");
        }
        if (version > FORMAT_VERSION) {
            throw new IncompatibleStoreException(location, "it uses format version " + version
                    + ", but this Dossier understands only up to version " + FORMAT_VERSION
                    + "; upgrade Dossier to read it");
        }
        return version;
    }
}
