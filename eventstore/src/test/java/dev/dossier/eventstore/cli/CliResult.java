package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** What one run of the command line printed and returned. */
record CliResult(int exitCode, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Standard output as JSON Lines, one node per line. */
    List<JsonNode> jsonLines() {
        return out.lines().filter(l -> !l.isBlank()).map(CliResult::parse).toList();
    }

    /** Standard output as one JSON document. */
    JsonNode json() {
        return parse(out);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
