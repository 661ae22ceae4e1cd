package dev.dossier.eventstore.demo;

/** The sample domain's events; plain records, serialized by Jackson. */
public final class OrderEvents {
    private OrderEvents() {
    }

    public record OrderPlaced(String customer, String currency) {
    }

    public record ItemAdded(String sku, int quantity, long unitPriceCents) {
    }

    public record OrderShipped(String carrier, String trackingCode) {
    }

    public record OrderCancelled(String reason) {
    }
}
