package dev.dossier.infrastructure.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.List;

/**
 * A payload's tokens with a {@link StreamedUpcast}'s changes applied to its top-level fields: a renamed
 * field's name is replaced (the source parser's duplicate check sees the new name, so two fields ending
 * under one name are refused), a removed field is skipped, and the added fields no stored field named
 * come before the payload's closing brace. Anything but an object payload is refused, and so is a number
 * with a fraction or exponent: the tree-based chain reads it as a double before binding, which a class
 * may see differently from the text (a {@code BigDecimal} keeps {@code 1.10}, the tree makes it 1.1).
 */
final class FieldChangingParser extends JsonParserDelegate {
    private final JsonParser source;
    private final StreamedUpcast changes;
    /** How deeply the source's current token nests: 1 inside the payload object. */
    private int depth;
    /** Bit i: a stored field has the name of the i-th added field. */
    private long named;
    private boolean adding;
    private boolean started;

    FieldChangingParser(JsonParser source, StreamedUpcast changes) {
        super(source);
        this.source = source;
        this.changes = changes;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        if (adding) {
            JsonToken token = delegate.nextToken();
            if (token != JsonToken.END_OBJECT) {
                return token;
            }
            adding = false;
            delegate = source;
            return source.currentToken();
        }
        JsonToken token = source.nextToken();
        if (!started) {
            if (token != JsonToken.START_OBJECT) {
                throw new IOException("field changes need a JSON object, the payload starts with " + token);
            }
            started = true;
        }
        while (depth == 1 && token == JsonToken.FIELD_NAME) {
            String name = source.currentName();
            note(name);
            String end = changes.finalName(name);
            if (end == null) {
                break;
            }
            if (!changes.dropped(name)) {
                source.overrideCurrentName(end);
                break;
            }
            source.nextToken();
            source.skipChildren();
            token = source.nextToken();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IOException("a number with a fraction or exponent is upcast through the tree");
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            depth++;
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            depth--;
            if (depth == 0 && token == JsonToken.END_OBJECT) {
                return addMissing();
            }
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken current = currentToken();
        if (!adding && (current == JsonToken.START_OBJECT || current == JsonToken.START_ARRAY)) {
            source.skipChildren();
            depth--; // the source consumed the matching end; skipping the whole payload adds nothing
        }
        return this;
    }

    /** Closes the payload's parser (and the added fields' parser, if it is current). */
    @Override
    public void close() throws IOException {
        try {
            source.close();
        } finally {
            if (delegate != source) {
                delegate.close();
            }
        }
    }

    private void note(String name) {
        List<String> added = changes.addNames();
        for (int i = 0; i < added.size(); i++) {
            if (added.get(i).equals(name)) {
                named |= 1L << i;
            }
        }
    }

    /** Switches to the added fields no stored field named, if any; else the closing brace. */
    private JsonToken addMissing() throws IOException {
        long missing = ~named & ((1L << changes.addNames().size()) - 1);
        if (missing == 0) {
            return JsonToken.END_OBJECT;
        }
        JsonParser additions = changes.additions(missing).traverse(source.getCodec());
        additions.nextToken();
        adding = true;
        delegate = additions;
        return additions.nextToken();
    }
}
