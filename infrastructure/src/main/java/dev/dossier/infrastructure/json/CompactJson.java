package dev.dossier.infrastructure.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;

/**
 * Checks and compacts JSON text in one streaming pass, without building a tree: the text a tree of it
 * would be written as (Jackson writes strings the same way from a parser as from a tree), except that
 * numbers are copied exactly as written: a tree reads {@code 19.90} as the double 19.9 and {@code 1e400}
 * as infinity, which would change the caller's data. Text already in that form ({@link CanonicalJson}) is
 * taken as it is, without the pass.
 */
final class CompactJson {
    private CompactJson() {
    }

    /**
     * The compact form of {@code json} when it is exactly one JSON value with no duplicate keys, nesting at
     * most {@code maxDepth} deep; empty otherwise (the caller's slower path then says what is wrong).
     */
    static Optional<String> of(ObjectMapper mapper, String json, int maxDepth) {
        return CanonicalJson.isCompact(json, maxDepth) ? Optional.of(json) : streamed(mapper, json, maxDepth);
    }

    /** What {@link #of} gives, always through Jackson's parser and generator. */
    static Optional<String> streamed(ObjectMapper mapper, String json, int maxDepth) {
        var out = new StringWriter(json.length());
        try (JsonParser parser = mapper.createParser(json);
             JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Optional.empty();
            }
            int depth = 0;
            int deepest = 0;
            do {
                if (token.isStructStart()) {
                    deepest = Math.max(deepest, ++depth);
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (token.isNumeric()) {
                    generator.writeNumber(parser.getText());
                } else {
                    generator.copyCurrentEvent(parser);
                }
            } while (depth > 0 && (token = parser.nextToken()) != null);
            if (depth > 0 || deepest > maxDepth || parser.nextToken() != null) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }
}
