package dev.dossier.eventstore.guide;

import dev.dossier.application.replay.RecordingFilter;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.Dossier;
import dev.dossier.eventstore.demo.OrderDemo;
import dev.dossier.eventstore.demo.OrderEvents;
import dev.dossier.eventstore.replay.RecordingOptions;
import dev.dossier.eventstore.replay.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * How {@code src/test/resources/recordings/checkout-7f3a.zip} was made, once, with the real API: a
 * "field" store with three orders from two checkout sessions, then a recording of one session cut by
 * correlation id. Not a test; run its {@code main} with the output zip as the argument to make it again.
 */
public final class ExampleRecording {
    static final String SESSION = "checkout-7f3a";

    private ExampleRecording() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path field = Files.createTempDirectory("dossier-field-");
        try (EventStorePort store = OrderDemo.configure(Dossier.builder()).path(field).clock(new Ticking()).open()) {
            append(store, "o-0999", "checkout-11aa", new OrderEvents.OrderPlaced("alan", "EUR"),
                    new OrderEvents.ItemAdded("mug-1", 1, 900));
            append(store, "o-1001", SESSION, new OrderEvents.OrderPlaced("ada", "EUR"),
                    new OrderEvents.ItemAdded("book-42", 2, 1250), new OrderEvents.ItemAdded("pen-7", 3, 199),
                    new OrderEvents.OrderShipped("dhl", "JD0001"));
            append(store, "o-1002", SESSION, new OrderEvents.OrderPlaced("ada", "EUR"),
                    new OrderEvents.ItemAdded("lamp-3", 1, 4900), new OrderEvents.OrderCancelled("changed mind"));
            var manifest = Recordings.record(store, out, RecordingOptions.of("shop-eu-1 (example)",
                    RecordingFilter.all().correlation(SESSION)).zipped(true));
            System.out.println(manifest);
        } finally {
            try (var files = Files.walk(field)) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void append(EventStorePort store, String order, String session, Object... payloads) {
        StreamId stream = StreamId.of("order", order);
        for (Object payload : payloads) {
            NewEvent event = NewEvent.of(payload.getClass().getSimpleName(), payload).toBuilder().correlation(session)
                    .metadata(Map.of("actor", "web-shop")).build();
            store.append(stream, ExpectedVersion.any(), List.of(event));
        }
    }

    /** A clock that starts at a fixed instant and moves 7 seconds per reading, so the recording never changes. */
    private static final class Ticking extends Clock {
        private Instant now = Instant.parse("2026-11-20T09:15:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plus(Duration.ofSeconds(7));
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
