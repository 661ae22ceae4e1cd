package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads JSON Lines for {@code import}: each non-blank line is an object with {@code aggregateType},
 * {@code aggregateId}, {@code eventType}, {@code data} and optionally {@code metadata},
 * {@code expectedVersion}, {@code eventId}, {@code correlationId}, {@code causationId},
 * {@code schemaVersion}. Other fields (those {@code export} adds, such as {@code globalPosition}) are
 * ignored. Every line is checked before anything is appended.
 */
final class ImportParser {
    private final String source;

    ImportParser(String source) {
        this.source = source;
    }

    /** @throws CliInputException naming the line of the first unusable input */
    List<ImportLine> parse(List<String> lines) {
        var events = new ArrayList<ImportLine>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                events.add(parseLine(source + " line " + (i + 1), lines.get(i)));
            }
        }
        return events;
    }

    private static ImportLine parseLine(String where, String text) {
        JsonNode node = JsonInput.parse(where, text);
        if (!node.isObject()) {
            throw new CliInputException(where, "each line must be a JSON object, not " + node.getNodeType());
        }
        JsonNode data = node.get("data");
        if (data == null) {
            throw new CliInputException(where, "the field 'data' is missing");
        }
        try {
            StreamId stream = StreamId.of(text(where, node, "aggregateType"), text(where, node, "aggregateId"));
            NewEvent event = NewEvent.builder()
                    .eventId(optionalText(where, node, "eventId").map(id -> uuid(where, id)).orElse(null))
                    .type(text(where, node, "eventType"))
                    .payload(RawJson.of(JsonInput.parse(where, data.toString()).toString()))
                    .schemaVersion(schemaVersion(where, node))
                    .correlationId(optionalText(where, node, "correlationId"))
                    .causationId(optionalText(where, node, "causationId"))
                    .metadata(JsonInput.metadata(where, node.get("metadata")))
                    .build();
            return new ImportLine(where, stream, expected(where, node.get("expectedVersion")), event);
        } catch (InvalidInputException e) {
            throw new CliInputException(where, e.getMessage());
        }
    }

    private static String text(String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new CliInputException(where, "the field '" + field + "' is missing or not a string");
        }
        return value.textValue();
    }

    private static Optional<String> optionalText(String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new CliInputException(where, "the field '" + field + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    private static UUID uuid(String where, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new CliInputException(where, "the field 'eventId' is not a UUID: '" + text + "'");
        }
    }

    private static OptionalInt schemaVersion(String where, JsonNode node) {
        JsonNode value = node.get("schemaVersion");
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new CliInputException(where, "the field 'schemaVersion' must be a whole number");
        }
        return OptionalInt.of(value.intValue());
    }

    private static ExpectedVersion expected(String where, JsonNode value) {
        if (value == null || value.isNull()) {
            return ExpectedVersion.any();
        }
        if (!value.isIntegralNumber() && !value.isTextual()) {
            throw new CliInputException(where, "the field 'expectedVersion' must be a number, 'any' or 'no-stream'");
        }
        try {
            return Converters.parseExpectedVersion(value.asText());
        } catch (TypeConversionException e) {
            throw new CliInputException(where, "the field 'expectedVersion': " + e.getMessage());
        }
    }
}
