package dev.dossier.eventstore.guide;

import static dev.dossier.infrastructure.schema.FieldTransformation.add;
import static dev.dossier.infrastructure.schema.FieldTransformation.rename;
import static dev.dossier.infrastructure.schema.FieldTransformation.retype;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.error.SchemaEvolutionException;
import dev.dossier.domain.model.EventSchema;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.Dossier;
import dev.dossier.infrastructure.filesystem.FileStoreVerifier;
import dev.dossier.infrastructure.filesystem.StoreMigration;
import dev.dossier.infrastructure.schema.JsonKind;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import dev.dossier.infrastructure.schema.TypeVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete example of docs/guide-schema-evolution.md; the guide quotes this class. */
class SchemaEvolutionGuideTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1");

    @TempDir
    Path directory;

    // guide:v1
    /** Last year's code: the amount was a string of whole euros, and payment was part of placing. */
    static final class LastYear {
        @EventSchema(type = "OrderPlaced", version = 1)
        record OrderPlaced(String item, String amount) {
        }

        @EventSchema(type = "OrderPaid", version = 1)
        record OrderPaid(String item, long cents, String method) {
        }
    }
    // guide:end

    // guide:v3
    /** Today's code: cents as a number with a currency, and placing and paying are two events. */
    @EventSchema(type = "OrderPlaced", version = 3)
    record OrderPlaced(String item, long cents, String currency) {
    }

    @EventSchema(type = "PaymentReceived", version = 1)
    record PaymentReceived(String method) {
    }

    static SchemaEvolution evolution() {
        return SchemaEvolution.builder()
                // v1 -> v2: data only, no code
                .fields("OrderPlaced", 1, rename("amount", "euros"), retype("euros", JsonKind.INTEGER),
                        add("currency", "EUR"))
                // v2 -> v3: anything else is a small function over the JSON tree
                .custom("OrderPlaced", 2, json -> {
                    ObjectNode order = (ObjectNode) json;
                    order.put("cents", order.remove("euros").asLong() * 100);
                    return order;
                })
                // one old event becomes two current ones
                .split("OrderPaid", 1, List.of(TypeVersion.of("OrderPlaced", 3), TypeVersion.of("PaymentReceived", 1)),
                        json -> List.of(
                                ((ObjectNode) json.deepCopy()).put("currency", "EUR").without(List.of("method")),
                                ((ObjectNode) json.deepCopy()).retain("method")))
                .build();
    }

    static EventStorePort open(Path store) {
        return Dossier.builder().path(store).register(OrderPlaced.class).register(PaymentReceived.class)
                .schemas(evolution()).open();
    }
    // guide:end

    @Test
    void last_years_events_are_read_as_todays_classes() {
        Path store = directory.resolve("store");
        // guide:usage
        try (EventStorePort old = Dossier.builder().path(store).register(LastYear.OrderPlaced.class)
                .register(LastYear.OrderPaid.class).open()) {
            old.append(ORDER, ExpectedVersion.noStream(), List.of(
                    NewEvent.of("OrderPlaced", new LastYear.OrderPlaced("book", "12")),
                    NewEvent.of("OrderPaid", new LastYear.OrderPaid("pen", 300, "card"))));
        }
        try (EventStorePort today = open(store)) {
            List<RecordedEvent> events = today.readStream(ORDER);
            assertThat(events).extracting(RecordedEvent::payload).containsExactly(
                    new OrderPlaced("book", 1200, "EUR"), new OrderPlaced("pen", 300, "EUR"), new PaymentReceived("card"));
            assertThat(events).extracting(e -> e.version().value()).containsExactly(1L, 2L, 2L);
        }
        // guide:end

        // guide:migrate
        var report = StoreMigration.migrate(Dossier.builder().path(store).register(OrderPlaced.class)
                .register(PaymentReceived.class).schemas(evolution()).options());
        assertThat(report.rewritten()).isEqualTo(1);
        assertThat(report.splitKept()).isEqualTo(1);
        assertThat(FileStoreVerifier.at(store).verify().isClean()).isTrue();
        // guide:end
    }

    @Test
    void a_missing_step_stops_the_store_from_opening() {
        Path store = directory.resolve("store");
        try (EventStorePort old = Dossier.builder().path(store).register(LastYear.OrderPlaced.class).open()) {
            old.append(ORDER, ExpectedVersion.noStream(), NewEvent.of("OrderPlaced", new LastYear.OrderPlaced("book", "12")));
        }

        // guide:missing
        var withoutFirstStep = SchemaEvolution.builder().custom("OrderPlaced", 2, json -> json).build();
        assertThatThrownBy(() -> Dossier.builder().path(store).register(OrderPlaced.class).schemas(withoutFirstStep).open())
                .isInstanceOf(SchemaEvolutionException.class)
                .hasMessageContaining("1 stored event cannot be read")
                .hasMessageContaining("no upcaster starts at OrderPlaced v1");
        // guide:end
    }
}
