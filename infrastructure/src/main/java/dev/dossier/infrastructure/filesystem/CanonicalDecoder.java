package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.common.EventUpcaster;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.json.PayloadCodec;
import dev.dossier.infrastructure.schema.StreamedUpcast;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Decodes the event an index entry names from an envelope {@link CanonicalEnvelope} read, when it agrees
 * with the entry: the entry's stream and event type are taken as they are, instead of being parsed and
 * checked again. Its answer is the one {@link EventFileCodec#decode} gives for the same bytes, or null
 * whenever anything is unusual (an envelope that disagrees with the entry, a payload that is not exactly
 * one well-formed JSON value, or one that does not fit its class): the full decoder then reads the bytes
 * and reports what is wrong. The payload is checked like the full decoder checks it, duplicate keys
 * included.
 */
final class CanonicalDecoder {
    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final PayloadCodec payloads;

    CanonicalDecoder(ObjectMapper mapper, PayloadCodec payloads) {
        this.mapper = mapper;
        this.factory = JsonSupport.storedPayloadFactory();
        this.payloads = payloads;
    }

    /** The event of {@code entry} in {@code fields}, read from {@code in}; null when the full decoder must judge. */
    EventFileCodec.Decoded decode(IndexEntry entry, CanonicalEnvelope fields, byte[] in, PayloadReading reading) {
        if (!agrees(entry, fields) || fields.schemaVersion > Integer.MAX_VALUE) {
            return null;
        }
        try {
            UUID eventId = fields.eventId.uuid();
            if (eventId == null || !eventId.equals(entry.eventId())) {
                return null;
            }
            byte[] data = Arrays.copyOfRange(in, fields.dataFrom, fields.dataTo);
            if (!startsLikeJson(data)) {
                return null;
            }
            RawJson raw = RawJson.lazy(() -> new String(data, StandardCharsets.UTF_8));
            EventType type = entry.eventType();
            int schemaVersion = (int) fields.schemaVersion;
            JsonNode tree = null;
            Object payload = raw;
            boolean upcasts = reading.upcasts(type, schemaVersion);
            Optional<StreamedUpcast> streamed = upcasts ? reading.streamed(type, schemaVersion) : Optional.empty();
            if (streamed.isPresent() && reading instanceof PayloadReading.Upcasting upcasting) {
                return upcastWhileBinding(entry, fields, eventId, data, raw, streamed.get(), upcasting.upcaster());
            }
            try (JsonParser parser = factory.createParser(data)) {
                parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
                if (parser.nextToken().isStructStart() && upcasts) {
                    tree = mapper.readTree(parser);
                    payload = payloads.binder().bindsInPlace(type, schemaVersion) ? payloads.binder().bind(type, raw, tree) : raw;
                } else if (payloads.binder().bindsInPlace(type, schemaVersion)) {
                    payload = payloads.binder().bindInPlace(type, parser);
                } else if (parser.currentToken().isStructStart()) {
                    parser.skipChildren();
                } else {
                    parser.finishToken();
                }
                if (parser.nextToken() != null) {
                    return null;
                }
            }
            RecordedEvent event = builder(entry, fields, eventId).schemaVersion(schemaVersion).data(raw)
                    .payload(payload).build();
            return new EventFileCodec.Decoded(event, tree);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The event upcast as it is bound, or null when the tree-based upcast must judge it. */
    private EventFileCodec.Decoded upcastWhileBinding(IndexEntry entry, CanonicalEnvelope fields, UUID eventId,
                                                      byte[] data, RawJson stored, StreamedUpcast upcast,
                                                      EventUpcaster upcaster) throws IOException {
        EventType type = entry.eventType();
        Object payload;
        try (JsonParser parser = upcast.apply(factory.createParser(data))) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            parser.nextToken();
            payload = payloads.binder().bindInPlace(type, parser);
            if (parser.nextToken() != null) {
                return null;
            }
        }
        RecordedEvent event = builder(entry, fields, eventId)
                .schemaVersion(upcast.targetVersion())
                .data(upcaster.upcastText(type, (int) fields.schemaVersion, stored))
                .payload(payload)
                .build();
        return new EventFileCodec.Decoded(event, null);
    }

    /**
     * Whether the payload starts as a JSON value does and holds no zero byte where Jackson would look for
     * a byte-order mark or another encoding (the full decoder reads it as part of the envelope's UTF-8).
     */
    private static boolean startsLikeJson(byte[] data) {
        for (int i = 0; i < Math.min(4, data.length); i++) {
            if (data[i] == 0) {
                return false;
            }
        }
        return "{[\"-0123456789tfn".indexOf(data[0]) >= 0;
    }

    /** The event's envelope as read; schema version, data and payload still to set. */
    private static RecordedEvent.RecordedEventBuilder builder(IndexEntry entry, CanonicalEnvelope fields, UUID eventId) {
        return RecordedEvent.builder()
                .eventId(eventId)
                .eventType(entry.eventType())
                .stream(entry.stream())
                .version(Version.of(fields.aggregateVersion))
                .position(GlobalPosition.of(fields.globalPosition))
                .timestamp(Timestamps.parse(fields.timestamp.string()))
                .previousEventId(Optional.ofNullable(fields.previousEventId.uuid()))
                .correlationId(Optional.ofNullable(fields.correlationId.string()))
                .causationId(Optional.ofNullable(fields.causationId.string()))
                .metadata(fields.metadata);
    }

    private static boolean agrees(IndexEntry entry, CanonicalEnvelope fields) {
        return fields.aggregateVersion == entry.version() && fields.globalPosition == entry.position()
                && fields.eventType.is(entry.eventType().value())
                && fields.aggregateType.is(entry.stream().type().value())
                && fields.aggregateId.is(entry.stream().id().value());
    }
}
