package dev.dossier.infrastructure.schema;

import static dev.dossier.infrastructure.schema.FieldTransformation.add;
import static dev.dossier.infrastructure.schema.FieldTransformation.remove;
import static dev.dossier.infrastructure.schema.FieldTransformation.rename;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whether upcasters can make a payload nest deeper than it was stored (then the reader checks the depth of
 * every upcast payload before it hands it out): only code, or a field added with an object or array value.
 */
class SchemaEvolutionDepthTest {

    @Test
    void renames_removals_and_plain_added_values_cannot_deepen_a_payload() {
        var evolution = SchemaEvolution.builder()
                .fields("Placed", 1, rename("client", "customer"), remove("legacy"), add("currency", "EUR"))
                .renameType("Placed", 2, "OrderPlaced").build();
        assertThat(evolution.mayDeepen()).isFalse();
        assertThat(SchemaEvolution.none().mayDeepen()).isFalse();
    }

    @Test
    void code_and_added_objects_or_arrays_can() {
        assertThat(SchemaEvolution.builder().custom("Placed", 1, tree -> tree).build().mayDeepen()).isTrue();
        assertThat(SchemaEvolution.builder().fields("Placed", 1, add("address", Map.of("city", "x"))).build()
                .mayDeepen()).isTrue();
        assertThat(SchemaEvolution.builder().fields("Placed", 1, add("tags", List.of("a"))).build()
                .mayDeepen()).isTrue();
    }
}
