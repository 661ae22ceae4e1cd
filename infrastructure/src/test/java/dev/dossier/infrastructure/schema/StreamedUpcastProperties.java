package dev.dossier.infrastructure.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.EventType;
import dev.dossier.infrastructure.json.JsonSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Field changes applied while a payload is read give the fields the tree-based chain gives; the only case
 * the reading refuses (so that the caller falls back to the tree) is two stored fields ending under one
 * name. Chains that cannot be streamed are recognised.
 */
class StreamedUpcastProperties {
    private static final EventType TYPE = EventType.of("Evolving");
    private static final ObjectMapper MAPPER = JsonSupport.mapper();

    /** Bound through a creator (a record)... */
    record Fields(JsonNode a, JsonNode b, JsonNode c, JsonNode d, JsonNode e) {
    }

    /** ...and through fields (a class Jackson fills with {@code nextFieldName}). */
    static final class PlainFields {
        public JsonNode a;
        public JsonNode b;
        public JsonNode c;
        public JsonNode d;
        public JsonNode e;
    }

    @Property(tries = 1000)
    void field_changes_applied_while_reading_give_the_fields_of_the_tree_based_chain(
            @ForAll("chains") List<List<FieldTransformation>> chain, @ForAll("payloads") Map<String, Object> payload)
            throws Exception {
        SchemaEvolution evolution = evolution(chain);
        var plan = StreamedUpcast.plan(evolution, new TypeVersion(TYPE, 1));
        List<FieldTransformation> changes = chain.stream().flatMap(List::stream).toList();
        assertThat(plan.isPresent()).as("streamed exactly when no added name is moved and nothing is retyped")
                .isEqualTo(streamable(changes));
        if (plan.isEmpty()) {
            return;
        }
        assertThat(plan.get().targetVersion()).isEqualTo(chain.size() + 1);
        ObjectNode stored = MAPPER.valueToTree(payload);
        JsonNode expected = new UpcastChain(evolution).run(new JsonEvent(TYPE, 1, stored.deepCopy())).get(0).data();
        byte[] bytes = MAPPER.writeValueAsBytes(stored);
        boolean refusable = clash(stored, changes) || new String(bytes).contains(".");
        JsonNode streamed = streamed(plan.get(), bytes, parser -> MAPPER.readTree(parser), refusable);
        if (streamed != null) {
            assertThat(streamed).isEqualTo(expected);
        }
        Fields record = streamed(plan.get(), bytes, parser -> MAPPER.readValue(parser, Fields.class), refusable);
        if (record != null) {
            assertThat(record).isEqualTo(MAPPER.treeToValue(expected, Fields.class));
        }
        PlainFields plain = streamed(plan.get(), bytes, parser -> MAPPER.readValue(parser, PlainFields.class), refusable);
        if (plain != null) {
            assertThat((JsonNode) MAPPER.valueToTree(plain))
                    .isEqualTo(MAPPER.valueToTree(MAPPER.treeToValue(expected, PlainFields.class)));
        }
    }

    interface Read<T> {
        T from(JsonParser parser) throws Exception;
    }

    /** What {@code read} makes of the streamed payload; null when the parser refused it, which {@code refusable} allows. */
    private static <T> T streamed(StreamedUpcast plan, byte[] bytes, Read<T> read, boolean refusable) throws Exception {
        try (JsonParser parser = plan.apply(MAPPER.getFactory().createParser(bytes))) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            T result;
            try {
                parser.nextToken();
                result = read.from(parser);
            } catch (Exception e) {
                assertThat(refusable).as("refused only when a stored field ends under a name another has or ends"
                        + " under, or a number has a fraction: " + e).isTrue();
                return null;
            }
            assertThat(parser.nextToken()).isNull();
            return result;
        }
    }

    @Property(tries = 100)
    void a_payload_that_is_not_an_object_is_refused(@ForAll("values") Object value) throws Exception {
        var plan = StreamedUpcast.plan(evolution(List.of(List.of(FieldTransformation.rename("a", "b")))),
                new TypeVersion(TYPE, 1)).orElseThrow();
        try (JsonParser parser = plan.apply(MAPPER.getFactory().createParser(MAPPER.writeValueAsBytes(List.of(value))))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MAPPER.readTree(parser))
                    .hasMessageContaining("need a JSON object");
        }
    }

    private static boolean streamable(List<FieldTransformation> changes) {
        Set<String> moved = new HashSet<>();
        for (FieldTransformation change : changes) {
            if (change instanceof FieldTransformation.RenameField rename) {
                moved.add(rename.from());
                moved.add(rename.to());
            } else if (change instanceof FieldTransformation.RemoveField remove) {
                moved.add(remove.name());
            } else if (!(change instanceof FieldTransformation.AddField add) || add.value().isContainerNode()) {
                return false;
            }
        }
        return changes.stream().noneMatch(c -> c instanceof FieldTransformation.AddField add && moved.contains(add.name()));
    }

    /**
     * Whether a field of {@code stored} ends under a name another stored field has or ends under (the reading
     * parser's duplicate check sees stored and final names alike).
     */
    private static boolean clash(ObjectNode stored, List<FieldTransformation> changes) {
        Set<String> ends = new HashSet<>();
        Set<String> storedNames = new HashSet<>();
        stored.fieldNames().forEachRemaining(storedNames::add);
        for (var names = stored.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String current = name;
            boolean removed = false;
            for (FieldTransformation change : changes) {
                if (change instanceof FieldTransformation.RenameField rename && rename.from().equals(current)) {
                    current = rename.to();
                } else if (change instanceof FieldTransformation.RemoveField remove && remove.name().equals(current)) {
                    removed = true;
                    break;
                }
            }
            if (!removed && (!ends.add(current) || (!current.equals(name) && storedNames.contains(current)))) {
                return true;
            }
        }
        return false;
    }

    private static SchemaEvolution evolution(List<List<FieldTransformation>> chain) {
        var builder = SchemaEvolution.builder();
        for (int version = 1; version <= chain.size(); version++) {
            builder.fields(TYPE.value(), version, chain.get(version - 1).toArray(FieldTransformation[]::new));
        }
        return builder.build();
    }

    @Provide
    Arbitrary<Map<String, Object>> payloads() {
        return Arbitraries.maps(names(), Arbitraries.oneOf(values(), values().list().ofMaxSize(2).map(l -> (Object) l),
                Arbitraries.maps(names(), values()).ofMaxSize(2).map(m -> (Object) m))).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<List<FieldTransformation>>> chains() {
        return transformation().list().ofMaxSize(3).list().ofMinSize(1).ofMaxSize(4).map(ArrayList::new);
    }

    private static Arbitrary<FieldTransformation> transformation() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Combinators.combine(names(), values()).as(FieldTransformation::add)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(names(), names()).as(FieldTransformation::rename)),
                net.jqwik.api.Tuple.of(2, names().map(FieldTransformation::remove)),
                net.jqwik.api.Tuple.of(1, names().map(n -> FieldTransformation.add(n, List.of(1)))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(names(), Arbitraries.of(JsonKind.class))
                        .as(FieldTransformation::retype)));
    }

    private static Arbitrary<String> names() {
        return Arbitraries.of("a", "b", "c", "d", "e");
    }

    @Provide
    static Arbitrary<Object> values() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 5).map(i -> (Object) i),
                Arbitraries.of("x", "7", "y").map(s -> (Object) s), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.of(1.5, -0.25).map(d -> (Object) d));
    }
}
