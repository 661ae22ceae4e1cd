package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A payload kept as JSON text: what a reader gets for an event type that has no registered class, and
 * what a caller may append when it has JSON rather than an object. Adapters check that it parses. Two
 * values are equal when their texts are.
 *
 * <p>An adapter that holds a payload in another form (the bytes of a file, an upcast tree) may hand out a
 * value whose text is produced when first asked for ({@link #lazy}): reading an event then costs nothing
 * for a text its reader never looks at. (It is a class, not a record: a host that writes it with its own
 * Jackson mapper names the property, e.g. with a mix-in; the store's mapper writes {@code {"json": ...}}.)
 */
public final class RawJson {
    /** Produces the text of a lazy value; let go once the text is kept, so its bytes or tree can be freed. */
    private volatile Supplier<String> source;
    private volatile String json;

    /** @throws InvalidInputException when {@code json} is null or blank */
    public RawJson(String json) {
        this.json = check(json);
        this.source = null;
    }

    private RawJson(Supplier<String> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    public static RawJson of(String json) {
        return new RawJson(json);
    }

    /**
     * A value whose text {@code source} produces when it is first asked for (once, in practice); the source
     * must give valid JSON, and must not depend on anything that changes afterwards.
     */
    public static RawJson lazy(Supplier<String> source) {
        return new RawJson(source);
    }

    /**
     * The JSON text.
     *
     * @throws InvalidInputException when a {@link #lazy} source gave null or blank text
     */
    public String json() {
        String text = json;
        if (text != null) {
            return text;
        }
        Supplier<String> from = source;
        if (from == null) {
            return json; // another thread kept the text (before it let go of the source)
        }
        text = check(from.get());
        json = text;
        source = null;
        return text;
    }

    private static String check(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException("payload", "JSON text must not be empty");
        }
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawJson raw && json().equals(raw.json());
    }

    @Override
    public int hashCode() {
        return json().hashCode();
    }

    @Override
    public String toString() {
        return json();
    }
}
