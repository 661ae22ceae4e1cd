package dev.dossier.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.RawJson;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Text payloads are checked and compacted in one streaming pass; the result is what parsing them into a
 * tree and writing the tree gave (the same compact text, and for bad text the same error), except that
 * numbers are kept exactly as written, where the tree made them doubles ({@code 19.90} became 19.9,
 * {@code 1e400} the string "Infinity").
 */
class CompactJsonProperties {
    private static final ObjectMapper MAPPER = JsonSupport.mapper();
    private static final EventType TYPE = EventType.of("Noted");
    private final PayloadCodec codec = new PayloadCodec(EventTypeRegistry.empty(), 4096);

    @Property(tries = 1500)
    void streaming_gives_the_text_and_the_errors_that_a_tree_gave(@ForAll("payloads") String json) {
        Assume.that(acceptedAsRawJson(json));
        assertThat(outcome(() -> codec.encode(TYPE, RawJson.of(json)).compact()))
                .isEqualTo(outcome(() -> throughTree(json, 4096)));
    }

    @Property(tries = 300)
    void the_streaming_pass_accepts_exactly_the_single_values_without_duplicate_keys_within_the_depth(
            @ForAll("payloads") String json) {
        Assume.that(acceptedAsRawJson(json));
        Optional<String> compact = CompactJson.of(MAPPER, json, PayloadCodec.MAX_PAYLOAD_DEPTH);
        String reference = outcome(() -> throughTree(json, Integer.MAX_VALUE));
        if (compact.isPresent()) {
            assertThat(compact.get()).isEqualTo(reference);
        } else {
            assertThat(reference).startsWith("error ");
        }
    }

    /** Blank text is refused before any payload check. */
    private static boolean acceptedAsRawJson(String json) {
        try {
            RawJson.of(json);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Property(tries = 200)
    void numbers_are_stored_exactly_as_written(@ForAll("numbers") String number) {
        String json = "{\"n\":" + number + ",\"a\":[" + number + "]}";
        assertThat(codec.encode(TYPE, RawJson.of(json)).compact()).isEqualTo(json);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(Arbitraries.of("19.90", "1e400", "-1.5E-400", "1E2", "-0", "-0.0", "0.10000000000000000001",
                        "123456789012345678901234567890"),
                Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1e30"), new java.math.BigDecimal("1e30"))
                        .ofScale(6).map(java.math.BigDecimal::toPlainString));
    }

    /** The payload check as it was before the streaming pass: parse into a tree, measure, write (numbers as written). */
    private String throughTree(String json, int maxBytes) {
        JsonNode tree = codec.parse(TYPE, json);
        if (PayloadCodec.depthOf(tree) > PayloadCodec.MAX_PAYLOAD_DEPTH) {
            throw new IllegalStateException("too deep");
        }
        String compact = numbersAsWritten(codec.compact(tree), json);
        if (compact.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes) {
            throw new IllegalStateException("too large");
        }
        return compact;
    }

    /** {@code compact}, the tree's text of {@code json}, with each number as {@code json} writes it. */
    private static String numbersAsWritten(String compact, String json) {
        var out = new java.io.StringWriter();
        try (var written = MAPPER.createParser(json); var tree = MAPPER.createParser(compact);
             var generator = MAPPER.getFactory().createGenerator(out)) {
            for (var token = written.nextToken(); token != null; token = written.nextToken()) {
                tree.nextToken();
                if (token.isNumeric()) {
                    generator.writeNumber(written.getText());
                } else {
                    generator.copyCurrentEvent(tree);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private interface Attempt {
        String run() throws Exception;
    }

    /** The text, or "error" and the message; too deep and too large compared by kind only. */
    private static String outcome(Attempt attempt) {
        try {
            return attempt.run();
        } catch (IllegalStateException e) {
            return "error " + e.getMessage();
        } catch (RuntimeException | Error e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("levels deep")) {
                return "error too deep";
            }
            if (message.contains("bytes of JSON")) {
                return "error too large";
            }
            return "error " + e.getClass().getSimpleName() + ": " + message;
        } catch (Exception e) {
            return "error " + e;
        }
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> valid = value(4);
        Arbitrary<String> deep = Arbitraries.integers().between(190, 205).map(
                n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> damaged = Combinators.combine(valid, Arbitraries.integers().between(0, 40),
                Arbitraries.of("", "}", "]", ",", "\"", "{", " 1", " {}", "x", "\\", ":"))
                .as((text, at, junk) -> {
                    int cut = Math.min(at, text.length());
                    return text.substring(0, cut) + junk + text.substring(cut);
                });
        Arbitrary<String> duplicated = Arbitraries.of("{\"a\":1,\"a\":2}", "{\"x\":{\"a\":1,\"b\":[],\"a\":3}}",
                "[{\"k\":1},{\"k\":2,\"k\":2}]", "", " ", "null", "  {} ", "{}{}", "1 2", "\"text\"", "-0", "1e400",
                "[1e2,1.0,-0.0,12345678901234567890,1.5e-400,0.1,3.14159265358979323846]",
                "\"\\u00e9\\u2028\\/\\ud83d\\ude00\"", "{\"big\":\"" + "x".repeat(5000) + "\"}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, valid), net.jqwik.api.Tuple.of(3, damaged),
                net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(2, duplicated));
    }

    /** JSON scalars: literals, numbers written in many ways, and strings of any characters. */
    static Arbitrary<String> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1.50", "2E3", "-0.0", "1e-7", "9007199254740993",
                        "123456789012345678901234567890", "0.30000000000000004"),
                Arbitraries.longs().map(n -> Long.toString(n)),
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.strings().ofMaxLength(12).map(CompactJsonProperties::quoted));
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = scalars();
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(items -> "[ " + String.join(" ,", items) + "]");
        Arbitrary<String> object = Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(3).list().ofMaxSize(4),
                        inner.list().ofSize(4))
                .as((keys, values) -> {
                    var fields = new java.util.ArrayList<String>();
                    for (int i = 0; i < keys.size(); i++) {
                        fields.add(quoted(keys.get(i)) + " : " + values.get(i));
                    }
                    return "{" + String.join(",\n", fields) + " }";
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(2, object));
    }

    /** {@code text} as a JSON string, written by Jackson. */
    static String quoted(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

}
