package dev.dossier.infrastructure.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.error.SchemaEvolutionException;
import dev.dossier.domain.model.EventSchema;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.infrastructure.json.JsonSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Declaring schemas and the small pieces upcasters are made of. */
class SchemaDefinitionTest {
    @EventSchema(type = "Shipped", version = 4)
    record Shipped(String carrier) {
    }

    record Unannotated(String x) {
    }

    @Test
    void an_annotated_class_registers_under_its_declared_type_and_version() {
        var types = EventTypeRegistry.empty().register(Shipped.class).alias("Sent", "Shipped");

        assertThat(types.classFor(EventType.of("Sent"))).contains(Shipped.class);
        assertThat(types.schemaVersionOf(EventType.of("Shipped"))).isEqualTo(4);
        assertThat(types.aliasesOf(EventType.of("Shipped"))).containsExactly(EventType.of("Sent"));
        assertThatThrownBy(() -> types.register(Unannotated.class)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("@EventSchema");
    }

    @Test
    void retyping_converts_values_that_fit_and_refuses_those_that_do_not() {
        ObjectNode node = JsonSupport.mapper().createObjectNode().put("n", "42").put("s", 7).put("b", "true").put("d", "1.50");

        FieldTransformation.retype("n", JsonKind.INTEGER).applyTo(node);
        FieldTransformation.retype("s", JsonKind.STRING).applyTo(node);
        FieldTransformation.retype("b", JsonKind.BOOLEAN).applyTo(node);
        FieldTransformation.retype("d", JsonKind.DECIMAL).applyTo(node);

        assertThat(node.toString()).isEqualTo("{\"n\":42,\"s\":\"7\",\"b\":true,\"d\":1.50}");
        assertThatThrownBy(() -> FieldTransformation.retype("d", JsonKind.INTEGER).applyTo(node))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot become INTEGER");
    }

    @Test
    void two_upcasters_from_the_same_version_are_refused() {
        var builder = SchemaEvolution.builder().fields("A", 1, FieldTransformation.remove("x"));

        assertThatThrownBy(() -> builder.renameType("A", 1, "B")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("two upcasters start at A v1");
    }

    @Test
    void renames_that_loop_are_reported_when_checked() {
        var evolution = SchemaEvolution.builder().renameType("A", 1, "B").renameType("B", 1, "A").build();
        var check = new SchemaCheck(evolution, EventTypeRegistry.empty());

        assertThatThrownBy(() -> check.check(Map.of(EventType.of("A"), Map.of(1, 3L))))
                .isInstanceOfSatisfying(SchemaEvolutionException.class,
                        e -> assertThat(e.problem()).isEqualTo(SchemaEvolutionException.Problem.INVALID_UPCASTER))
                .hasMessageContaining("loop");
    }

    @Test
    void a_split_must_return_the_parts_it_declares() {
        var evolution = SchemaEvolution.builder().split("AB", 1,
                java.util.List.of(TypeVersion.of("A", 1), TypeVersion.of("B", 1)), json -> java.util.List.of(json)).build();

        assertThatThrownBy(() -> new UpcastChain(evolution).run(
                new JsonEvent(EventType.of("AB"), 1, JsonSupport.mapper().createObjectNode())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares 2 parts but returned 1");
    }
}
