package dev.dossier.eventstore.demo;

/**
 * The read model of {@link OrderSummaryProjection}: one document per order.
 *
 * @param lastPosition the global position of the last event folded in; older events are skipped (idempotence)
 */
public record OrderSummary(String orderId, String customer, String currency, int items, long totalCents,
                           String status, long lastPosition) {
}
