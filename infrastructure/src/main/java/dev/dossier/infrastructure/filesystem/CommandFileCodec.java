package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.CommandId;
import dev.dossier.domain.model.ProcessedCommand;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A processed-command file: the command id, its aggregate, status and versions. */
final class CommandFileCodec {
    static final String FORMAT = "dossier-processed-command";
    static final int FORMAT_VERSION = 1;

    private CommandFileCodec() {
    }

    static byte[] encode(ProcessedCommand command) {
        ObjectNode node = JsonSupport.mapper().createObjectNode();
        node.put("format", FORMAT);
        node.put("formatVersion", FORMAT_VERSION);
        node.put("commandId", command.commandId().value());
        node.put("aggregateType", command.stream().type().value());
        node.put("aggregateId", command.stream().id().value());
        node.put("status", command.status().name());
        node.put("baseVersion", command.baseVersion().value());
        node.put("newVersion", command.newVersion().value());
        node.put("recordedAt", command.recordedAt().toString());
        try {
            return (JsonSupport.prettyWriter().writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    static ProcessedCommand decode(byte[] bytes, CommandId expected, String name) {
        try {
            JsonNode node = JsonSupport.mapper().readTree(bytes);
            if (node == null || !FORMAT.equals(node.path("format").asText())
                    || node.path("formatVersion").asInt() != FORMAT_VERSION) {
                throw new CorruptDataException(name, "is not a processed-command file of format version "
                        + FORMAT_VERSION);
            }
            if (!expected.value().equals(node.path("commandId").asText())) {
                throw new CorruptDataException(name, "records command '" + node.path("commandId").asText()
                        + "', not '" + expected + "'");
            }
            return new ProcessedCommand(expected,
                    StreamId.of(node.path("aggregateType").asText(), node.path("aggregateId").asText()),
                    Version.of(node.path("baseVersion").asLong()), Version.of(node.path("newVersion").asLong()),
                    ProcessedCommand.Status.valueOf(node.path("status").asText()),
                    Instant.parse(node.path("recordedAt").asText()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptDataException corrupt) {
                throw corrupt;
            }
            throw new CorruptDataException(name, "cannot be read as a processed command: " + e.getMessage(), e);
        }
    }
}
