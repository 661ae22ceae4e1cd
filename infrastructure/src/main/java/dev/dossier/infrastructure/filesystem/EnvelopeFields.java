package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.EventStoreException;
import dev.dossier.domain.model.EventType;
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.IOException;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * An event file's envelope fields as they are read, in any order; each may appear once. The payload is
 * kept as the span of the file's bytes it occupies (it is written compactly, so its text is taken as is)
 * and, in the same pass, either parsed into a JSON tree (when asked for) or bound to its registered class
 * (when the event type and schema version precede it, as the format writes them).
 */
final class EnvelopeFields {
    /** Reads a payload tree in the middle of the file: the rest of the envelope follows it. */
    private static final ObjectReader TREE = JsonSupport.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    String eventId;
    String eventType;
    Long schemaVersion;
    String aggregateType;
    String aggregateId;
    Long aggregateVersion;
    Long globalPosition;
    String timestamp;
    String previousEventId;
    String correlationId;
    String causationId;
    Map<String, String> metadata = Map.of();
    DataSpan data;
    /** The payload's tree, when {@code wantsTree} asked for it; else null. */
    JsonNode dataTree;
    /** The payload bound to its registered class in the same pass, when {@link #bound}; else null. */
    Object payload;
    boolean bound;
    private EventType type;
    private final byte[] bytes;
    private final BiPredicate<EventType, Integer> wantsTree;
    private final PayloadCodec payloads;
    private final FieldNames seen = new FieldNames();

    /**
     * @param wantsTree whether to parse the payload of an event of this type and schema version into a tree;
     *                  asked only for an object or array payload that follows both fields in the file
     */
    EnvelopeFields(byte[] bytes, BiPredicate<EventType, Integer> wantsTree, PayloadCodec payloads) {
        this.bytes = bytes;
        this.wantsTree = wantsTree;
        this.payloads = payloads;
    }

    /**
     * Reads one field. The envelope parser runs without Jackson's duplicate detection (it costs a set
     * per object); duplicates are caught here instead, and the payload is still read with detection on.
     *
     * @throws CorruptDataException when the field appeared before
     */
    void read(String file, String name, JsonParser parser) throws IOException {
        if (!seen.add(name)) {
            throw new CorruptDataException(file, "Duplicate field '" + name + "' in the envelope");
        }
        switch (name) {
            case "eventId" -> eventId = EnvelopeValues.text(parser);
            case "eventType" -> eventType = EnvelopeValues.text(parser);
            case "schemaVersion" -> schemaVersion = EnvelopeValues.number(parser);
            case "aggregateType" -> aggregateType = EnvelopeValues.text(parser);
            case "aggregateId" -> aggregateId = EnvelopeValues.text(parser);
            case "aggregateVersion" -> aggregateVersion = EnvelopeValues.number(parser);
            case "globalPosition" -> globalPosition = EnvelopeValues.number(parser);
            case "timestamp" -> timestamp = EnvelopeValues.text(parser);
            case "previousEventId" -> previousEventId = EnvelopeValues.text(parser);
            case "correlationId" -> correlationId = EnvelopeValues.text(parser);
            case "causationId" -> causationId = EnvelopeValues.text(parser);
            case "metadata" -> metadata = EnvelopeValues.metadata(file, parser);
            case "data" -> data(parser);
            default -> EnvelopeValues.skip(parser);
        }
    }

    private void data(JsonParser parser) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        if (!parser.currentToken().isStructStart()) {
            parser.finishToken();
        } else if (wantsTree()) {
            dataTree = TREE.readTree(parser);
        } else if (bindsInPlace()) {
            payload = payloads.binder().bindInPlace(type(), parser);
            bound = true;
        } else {
            parser.skipChildren();
        }
        parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        int end = (int) parser.currentLocation().getByteOffset();
        data = new DataSpan(bytes, start, end - start);
    }

    /**
     * The event type, parsed once; null when the field is missing.
     *
     * @throws EventStoreException when it is not a valid event type name
     */
    EventType type() {
        if (type == null && eventType != null) {
            type = EventType.of(eventType);
        }
        return type;
    }

    private boolean wantsTree() {
        return typeAndVersion(wantsTree);
    }

    /** Whether the payload is bound now, in the same pass, rather than after the envelope is read. */
    private boolean bindsInPlace() {
        return typeAndVersion(payloads.binder()::bindsInPlace);
    }

    /** False unless the event type and schema version came before the payload, valid, and {@code test} holds. */
    private boolean typeAndVersion(BiPredicate<EventType, Integer> test) {
        if (eventType == null || schemaVersion == null || schemaVersion != schemaVersion.intValue()) {
            return false;
        }
        EventType type;
        try {
            type = type();
        } catch (EventStoreException | IllegalArgumentException e) {
            return false; // reported when the envelope is built, as when the payload is read later
        }
        return test.test(type, schemaVersion.intValue());
    }
}
