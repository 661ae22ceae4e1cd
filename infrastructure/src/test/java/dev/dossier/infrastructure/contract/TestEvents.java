package dev.dossier.infrastructure.contract;

import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import java.util.List;
import java.util.stream.IntStream;

/** Small payloads and builders the contract suites share. */
public final class TestEvents {
    private TestEvents() {
    }

    /** A sample payload class. */
    public record Deposited(String account, long cents) {
    }

    /** A second sample payload class. */
    public record Withdrawn(String account, long cents, String reason) {
    }

    public static EventTypeRegistry registry() {
        return EventTypeRegistry.empty()
                .register("Deposited", Deposited.class)
                .register("Withdrawn", Withdrawn.class, 2);
    }

    public static NewEvent deposited(long cents) {
        return NewEvent.of("Deposited", new Deposited("acc-1", cents));
    }

    public static NewEvent raw(String type, String json) {
        return NewEvent.of(type, RawJson.of(json));
    }

    public static List<NewEvent> deposits(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(TestEvents::deposited).toList();
    }
}
