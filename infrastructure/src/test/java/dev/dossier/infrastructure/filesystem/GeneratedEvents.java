package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Events for the codec properties: the fields a property varies, the others derived from the position. */
final class GeneratedEvents {
    private GeneratedEvents() {
    }

    static RecordedEvent event(String type, String id, long position, Optional<String> correlation,
                               Optional<String> causation, Map<String, String> metadata, int schemaVersion,
                               String data) {
        return RecordedEvent.builder()
                .eventId(UUID.randomUUID())
                .eventType(EventType.of(type))
                .schemaVersion(schemaVersion)
                .stream(StreamId.of("order", id))
                .version(Version.of(position % 1000 + 1))
                .position(GlobalPosition.of(position))
                .timestamp(Instant.ofEpochMilli(1_700_000_000_000L + position % 1_000_000_000L))
                .previousEventId(position % 2 == 0 ? Optional.of(UUID.randomUUID()) : Optional.empty())
                .correlationId(correlation)
                .causationId(causation)
                .metadata(metadata)
                .data(RawJson.of(data))
                .build();
    }
}
