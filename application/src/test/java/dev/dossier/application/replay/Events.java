package dev.dossier.application.replay;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds recorded events in global order for tests, with gapless versions per aggregate. */
final class Events {
    private final List<RecordedEvent> events = new ArrayList<>();
    private final Map<StreamId, RecordedEvent> last = new HashMap<>();
    private Instant time = Instant.parse("2026-01-01T00:00:00Z");

    RecordedEvent add(String aggregate, String type, String json, String correlation, String causation) {
        StreamId stream = StreamId.of("thing", aggregate);
        RecordedEvent previous = last.get(stream);
        time = time.plusMillis(10);
        RecordedEvent event = RecordedEvent.builder()
                .eventId(UUID.randomUUID()).eventType(EventType.of(type)).schemaVersion(1).stream(stream)
                .version(Version.of(previous == null ? 1 : previous.version().value() + 1))
                .position(GlobalPosition.of(events.size() + 1L)).timestamp(time)
                .previousEventId(Optional.ofNullable(previous).map(RecordedEvent::eventId))
                .correlationId(Optional.ofNullable(correlation)).causationId(Optional.ofNullable(causation))
                .data(RawJson.of(json)).build();
        events.add(event);
        last.put(stream, event);
        return event;
    }

    List<RecordedEvent> all() {
        return List.copyOf(events);
    }
}
