package dev.dossier.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Text already in compact form skips Jackson's streaming pass: whatever is recognised as compact is
 * exactly what the pass accepts and writes back unchanged, and compact text without escapes is recognised.
 */
class CanonicalJsonProperties {
    private static final ObjectMapper MAPPER = JsonSupport.mapper();
    private static final int DEPTH = PayloadCodec.MAX_PAYLOAD_DEPTH;

    @Property(tries = 3000)
    void text_recognised_as_compact_is_what_the_streaming_pass_accepts_and_writes_back_unchanged(
            @ForAll("texts") String json) {
        Assume.that(CanonicalJson.isCompact(json, DEPTH));
        assertThat(CompactJson.streamed(MAPPER, json, DEPTH)).contains(json);
    }

    @Property(tries = 1000)
    void compact_text_without_escapes_or_control_characters_is_recognised(@ForAll("values") String json) {
        Optional<String> compact = CompactJson.streamed(MAPPER, json, DEPTH);
        Assume.that(compact.isPresent() && compact.get().chars().noneMatch(c -> c == '\\'));
        assertThat(CanonicalJson.isCompact(compact.get(), DEPTH)).isTrue();
    }

    @Example
    void duplicate_keys_malformed_numbers_whitespace_and_escapes_are_left_to_the_streaming_pass() {
        for (String json : List.of("{\"a\":1,\"a\":2}", "{\"x\":{\"b\":[],\"b\":3}}", "01", "-", "1.", ".5", "+1", "1e",
                "1e+", "[1,]", "{\"a\":1,}", "{\"a\"}", "{1:2}", "[1 ]", " 1", "\"a\\nb\"", "\"a\tb\"", "tru", "nul",
                "[]]", "{}{}", "", "\"open", "[" + "1".repeat(101) + "]")) {
            assertThat(CanonicalJson.isCompact(json, DEPTH)).as(json).isFalse();
        }
    }

    @Example
    void nesting_is_recognised_up_to_the_depth_and_no_deeper() {
        assertThat(CanonicalJson.isCompact("[".repeat(DEPTH) + "]".repeat(DEPTH), DEPTH)).isTrue();
        assertThat(CanonicalJson.isCompact("[".repeat(DEPTH + 1) + "]".repeat(DEPTH + 1), DEPTH)).isFalse();
        assertThat(CanonicalJson.isCompact("[".repeat(DEPTH - 1) + "{}" + "]".repeat(DEPTH - 1), DEPTH)).isTrue();
        assertThat(CanonicalJson.isCompact("[".repeat(DEPTH) + "{}" + "]".repeat(DEPTH), DEPTH)).isFalse();
        assertThat(CanonicalJson.isCompact("{\"a\":".repeat(100) + "1" + "}".repeat(100), DEPTH)).isTrue();
    }

    @Example
    void text_with_more_keys_than_jacksons_collision_guard_allows_is_left_to_the_streaming_pass() {
        var keys = new java.util.ArrayList<String>();
        for (int bits = 0; bits < 512; bits++) {
            var key = new StringBuilder();
            for (int block = 0; block < 9; block++) {
                key.append((bits >> block & 1) == 0 ? "ab" : "bA"); // "ab" and "bA" hash alike in Jackson's table
            }
            keys.add("{\"" + key + "\":0}");
        }
        String json = "[" + String.join(",", keys) + "]";
        assertThat(CompactJson.streamed(MAPPER, json, DEPTH)).isEmpty();
        assertThat(CanonicalJson.isCompact(json, DEPTH)).isFalse();
        String few = "[" + String.join(",", keys.subList(0, 128)) + "]";
        assertThat(CanonicalJson.isCompact(few, DEPTH)).isTrue();
    }

    /** Compact values, damaged ones and arbitrary text. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> compact = values().map(json -> CompactJson.streamed(MAPPER, json, DEPTH).orElse(json));
        Arbitrary<String> damaged = Combinators.combine(compact, Arbitraries.integers().between(0, 60),
                        Arbitraries.of("", "}", "]", ",", "\"", "{", "1", "0", "-", ".", "e", "x", "\\", ":", " ", "\t",
                                "\u0001", "\"a\":1,", "{\"a\":1}", "E+", "\ud800"))
                .as((text, at, junk) -> {
                    int cut = Math.min(at, text.length());
                    return text.substring(0, cut) + junk + text.substring(cut);
                });
        Arbitrary<String> anything = Arbitraries.strings().withChars("{}[]\":,-+.0123456789eEtrufalsn \\").ofMaxLength(12);
        return Arbitraries.frequencyOf(Tuple.of(3, compact), Tuple.of(4, damaged), Tuple.of(2, anything));
    }

    /** JSON values, some with whitespace, repeated keys, escapes and characters of any kind in their strings. */
    @Provide
    Arbitrary<String> values() {
        return value(4);
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(CompactJsonProperties.scalars(),
                Arbitraries.of("1E+2", "\"\"", "\"\ud83d\ude00\"", "\"\ud800\"", "\"\u007f\""));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<String> array = Combinators.combine(inner.list().ofMaxSize(4), Arbitraries.of(",", " , "))
                .as((items, comma) -> "[" + String.join(comma, items) + "]");
        Arbitrary<String> object = Combinators.combine(
                        Arbitraries.strings().withCharRange('a', 'd').ofMinLength(0).ofMaxLength(2).list().ofMaxSize(5),
                        inner.list().ofSize(5), Arbitraries.of(":", " : "))
                .as((keys, values, colon) -> {
                    var fields = new java.util.ArrayList<String>();
                    for (int i = 0; i < keys.size(); i++) {
                        fields.add(CompactJsonProperties.quoted(keys.get(i)) + colon + values.get(i));
                    }
                    return "{" + String.join(",", fields) + "}";
                });
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(2, array), Tuple.of(2, object));
    }
}
