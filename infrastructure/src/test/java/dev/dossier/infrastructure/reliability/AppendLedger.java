package dev.dossier.infrastructure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RecordedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a workload asked for and what the store acknowledged, to compare with what a store holds after a
 * fault: every acknowledged event is there unchanged, every batch is there whole or not at all, and
 * nothing is there that nobody appended. Thread-safe.
 */
final class AppendLedger {
    private final List<List<UUID>> attempted = new ArrayList<>();
    private final List<RecordedEvent> acknowledged = new ArrayList<>();

    /** How far the ledger was at one moment (a crash point). */
    record Mark(int attempted, int acknowledged) {
    }

    synchronized void attempt(List<NewEvent> batch) {
        attempted.add(batch.stream().map(NewEvent::eventId).toList());
    }

    synchronized void acknowledge(AppendResult result) {
        acknowledged.addAll(result.events());
    }

    synchronized Mark mark() {
        return new Mark(attempted.size(), acknowledged.size());
    }

    synchronized int acknowledgedCount() {
        return acknowledged.size();
    }

    /**
     * Checks {@code found} (a store's events, the audit probe stream left out) against the ledger as it was
     * at {@code mark}; returns how many acknowledged events are missing (the assertion fails before that
     * would be non-zero).
     */
    synchronized long verify(List<RecordedEvent> found, Mark mark) {
        Map<UUID, RecordedEvent> byId = found.stream()
                .filter(e -> !e.stream().type().value().equals("audit"))
                .collect(Collectors.toMap(RecordedEvent::eventId, Function.identity()));
        List<RecordedEvent> acked = acknowledged.subList(0, mark.acknowledged());
        long lost = acked.stream().filter(e -> !byId.containsKey(e.eventId())).count();
        for (RecordedEvent event : acked) {
            assertThat(byId.get(event.eventId())).as("acknowledged event %s", event).isEqualTo(event);
        }
        var batchOf = new HashMap<UUID, Integer>();
        List<List<UUID>> batches = attempted.subList(0, mark.attempted());
        for (int i = 0; i < batches.size(); i++) {
            List<UUID> batch = batches.get(i);
            long present = batch.stream().filter(byId::containsKey).count();
            assertThat(present).as("batch %d is all there or not at all", i).isIn(0L, (long) batch.size());
            for (UUID id : batch) {
                batchOf.put(id, i);
            }
        }
        assertThat(byId.keySet()).as("no event nobody appended").allMatch(batchOf::containsKey);
        return lost;
    }
}
