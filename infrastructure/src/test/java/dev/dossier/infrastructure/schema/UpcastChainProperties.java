package dev.dossier.infrastructure.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.EventType;
import dev.dossier.infrastructure.json.JsonSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random chains of field transformations (one list per version step), upcasting step by step equals
 * applying the whole composed transformation at once, from any starting version; and a payload already
 * at the newest version passes through unchanged.
 */
class UpcastChainProperties {
    private static final EventType TYPE = EventType.of("Evolving");

    @Property(tries = 300)
    void upcasting_step_by_step_equals_the_composed_transformation(
            @ForAll("chains") List<List<FieldTransformation>> chain, @ForAll("payloads") Map<String, Object> payload,
            @ForAll("starts") int start) {
        int from = Math.min(start, chain.size() + 1);
        var upcaster = new UpcastChain(evolution(chain));

        Outcome stepwise = outcome(() -> upcaster.run(new JsonEvent(TYPE, from, tree(payload))).get(0).data());
        Outcome composed = outcome(() -> {
            ObjectNode node = tree(payload);
            chain.subList(from - 1, chain.size()).forEach(step -> step.forEach(change -> change.applyTo(node)));
            return node;
        });

        assertThat(stepwise).isEqualTo(composed);
    }

    @Property(tries = 100)
    void an_event_at_the_newest_version_passes_through_unchanged(
            @ForAll("chains") List<List<FieldTransformation>> chain, @ForAll("payloads") Map<String, Object> payload) {
        ObjectNode node = tree(payload);
        JsonEvent newest = new JsonEvent(TYPE, chain.size() + 1, node);

        List<JsonEvent> read = new UpcastChain(evolution(chain)).run(newest);

        assertThat(read).containsExactly(newest);
        assertThat(read.get(0).data()).isSameAs(node).isEqualTo(tree(payload));
    }

    private static SchemaEvolution evolution(List<List<FieldTransformation>> chain) {
        var builder = SchemaEvolution.builder();
        for (int version = 1; version <= chain.size(); version++) {
            builder.fields(TYPE.value(), version, chain.get(version - 1).toArray(FieldTransformation[]::new));
        }
        return builder.build();
    }

    /** The result of a transformation, or the fact that it failed (both ways must fail alike). */
    record Outcome(JsonNode result, String failure) {
    }

    private static Outcome outcome(java.util.function.Supplier<JsonNode> run) {
        try {
            return new Outcome(run.get(), null);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    private static ObjectNode tree(Map<String, Object> payload) {
        return JsonSupport.mapper().valueToTree(payload);
    }

    @Provide
    Arbitrary<Integer> starts() {
        return Arbitraries.integers().between(1, 8);
    }

    @Provide
    Arbitrary<Map<String, Object>> payloads() {
        return Arbitraries.maps(names(), values()).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<List<FieldTransformation>>> chains() {
        return transformation().list().ofMaxSize(3).list().ofMinSize(1).ofMaxSize(6).map(ArrayList::new);
    }

    private static Arbitrary<FieldTransformation> transformation() {
        return Arbitraries.oneOf(
                Combinators.combine(names(), values()).as(FieldTransformation::add),
                Combinators.combine(names(), names()).as(FieldTransformation::rename),
                names().map(FieldTransformation::remove),
                Combinators.combine(names(), Arbitraries.of(JsonKind.class)).as(FieldTransformation::retype));
    }

    private static Arbitrary<String> names() {
        return Arbitraries.of("a", "b", "c", "d");
    }

    private static Arbitrary<Object> values() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 5).map(i -> (Object) i),
                Arbitraries.of("x", "7", "true", " 3 ", "1.5").map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b));
    }
}
