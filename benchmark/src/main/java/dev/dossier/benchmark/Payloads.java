package dev.dossier.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dossier.infrastructure.json.JsonSupport;
import java.util.List;

/** The sample payload both stores keep: about 330 bytes of JSON. */
final class Payloads {
    private static final ObjectMapper MAPPER = JsonSupport.mapper();

    /** The payload class reads bind to, on both sides. */
    record Sample(String orderId, String customer, String sku, int quantity, long unitPriceCents, String currency,
                  String note, List<String> tags, long sequence) {
    }

    private Payloads() {
    }

    static String json(long sequence) {
        var sample = new Sample("order-" + sequence, "customer-" + (sequence % 977), "sku-" + (sequence % 131),
                (int) (sequence % 7) + 1, 1999 + sequence % 500, "EUR",
                "A note long enough to make the payload about the size of a real event in a host tool.",
                List.of("benchmark", "dossier", "sqlite", "tag-" + sequence % 10), sequence);
        try {
            return MAPPER.writeValueAsString(sample);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Sample parse(String json) {
        try {
            return MAPPER.readValue(json, Sample.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
