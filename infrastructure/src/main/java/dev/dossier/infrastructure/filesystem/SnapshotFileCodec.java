package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.json.StateCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A snapshot file: a small envelope (format, aggregate, version, schema version) around the state. */
final class SnapshotFileCodec {
    static final String FORMAT = "dossier-snapshot";
    static final int FORMAT_VERSION = 1;

    private SnapshotFileCodec() {
    }

    static byte[] encode(Snapshot snapshot) {
        ObjectNode node = JsonSupport.mapper().createObjectNode();
        node.put("format", FORMAT);
        node.put("formatVersion", FORMAT_VERSION);
        node.put("aggregateType", snapshot.stream().type().value());
        node.put("aggregateId", snapshot.stream().id().value());
        node.put("version", snapshot.version().value());
        node.put("lastEventId", snapshot.lastEventId().toString());
        node.put("schemaVersion", snapshot.schemaVersion());
        node.put("takenAt", snapshot.takenAt().toString());
        node.set("state", StateCodec.toTree("snapshot of " + snapshot.stream(), snapshot.state()));
        try {
            return (JsonSupport.prettyWriter().writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * The snapshot in {@code bytes} if it is a snapshot of {@code stream} at {@code schemaVersion} whose
     * state binds to {@code stateClass}; empty otherwise.
     */
    static Optional<Snapshot> decode(byte[] bytes, StreamId stream, Class<?> stateClass, int schemaVersion) {
        JsonNode node;
        try {
            node = JsonSupport.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (node == null || !FORMAT.equals(node.path("format").asText())
                || node.path("formatVersion").asInt() != FORMAT_VERSION
                || !stream.type().value().equals(node.path("aggregateType").asText())
                || !stream.id().value().equals(node.path("aggregateId").asText())
                || node.path("schemaVersion").asInt() != schemaVersion
                || !node.path("version").canConvertToLong() || node.path("version").asLong() < 1) {
            return Optional.empty();
        }
        return StateCodec.bind(node.get("state"), stateClass).map(state -> new Snapshot(stream,
                Version.of(node.path("version").asLong()), UUID.fromString(node.path("lastEventId").asText()),
                schemaVersion, Instant.parse(node.path("takenAt").asText()), state));
    }
}
