package dev.dossier.infrastructure.contract;

import static dev.dossier.infrastructure.schema.FieldTransformation.add;
import static dev.dossier.infrastructure.schema.FieldTransformation.remove;
import static dev.dossier.infrastructure.schema.FieldTransformation.rename;
import static dev.dossier.infrastructure.schema.FieldTransformation.retype;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.EventSchema;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.schema.JsonKind;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import dev.dossier.infrastructure.schema.TypeVersion;
import java.util.List;

/**
 * A real evolution history. {@code OrderPlaced} v1 was {@code {"item","amount","note"}} (whole euros, as a
 * string); v2 renamed amount to price, made it a number, added the currency and dropped the note; v3 holds cents. The old
 * {@code CustomerRegistered} event is now {@code ClientSignedUp}; {@code OrderPlacedAndPaid} v1 is now
 * an {@code OrderPlaced} and a {@code PaymentReceived}.
 */
public final class OrderHistory {
    private OrderHistory() {
    }

    @EventSchema(type = "OrderPlaced", version = 3)
    public record OrderPlaced(String item, long cents, String currency) {
    }

    @EventSchema(type = "ClientSignedUp")
    public record ClientSignedUp(String name) {
    }

    @EventSchema(type = "PaymentReceived")
    public record PaymentReceived(String method) {
    }

    public static EventTypeRegistry types() {
        return EventTypeRegistry.empty().register(OrderPlaced.class).register(ClientSignedUp.class)
                .register(PaymentReceived.class);
    }

    /** v1 -> v2 -> v3, the renamed customer event and the split. */
    public static SchemaEvolution.Builder evolution() {
        return v2ToV3(SchemaEvolution.builder()
                .fields("OrderPlaced", 1, rename("amount", "price"),
                        retype("price", JsonKind.INTEGER), add("currency", "EUR"), remove("note")))
                .renameType("CustomerRegistered", 1, "ClientSignedUp")
                .split("OrderPlacedAndPaid", 1, List.of(TypeVersion.of("OrderPlaced", 3),
                        TypeVersion.of("PaymentReceived", 1)), OrderHistory::split);
    }

    /** Only the last step, v2 -> v3. */
    public static SchemaEvolution.Builder v2ToV3(SchemaEvolution.Builder builder) {
        return builder.custom("OrderPlaced", 2, node -> {
            ObjectNode order = (ObjectNode) node;
            order.put("cents", order.path("price").asLong() * 100);
            order.remove("price");
            return order;
        });
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> split(com.fasterxml.jackson.databind.JsonNode both) {
        ObjectNode order = JsonSupport.mapper().createObjectNode().put("item", both.path("item").asText())
                .put("cents", both.path("cents").asLong()).put("currency", "EUR");
        ObjectNode payment = JsonSupport.mapper().createObjectNode().put("method", both.path("paidBy").asText());
        return List.of(order, payment);
    }

    public static NewEvent v1(String item, String euros) {
        return stored("OrderPlaced", 1, "{\"item\":\"" + item + "\",\"amount\":\"" + euros + "\",\"note\":\"gift\"}");
    }

    public static NewEvent v2(String item, long price, String currency) {
        return stored("OrderPlaced", 2, "{\"item\":\"" + item + "\",\"price\":" + price + ",\"currency\":\"" + currency + "\"}");
    }

    public static NewEvent stored(String type, int version, String json) {
        return NewEvent.builder().type(type).payload(RawJson.of(json)).schema(version).build();
    }
}
