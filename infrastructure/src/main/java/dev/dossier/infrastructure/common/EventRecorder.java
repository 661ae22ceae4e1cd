package dev.dossier.infrastructure.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.EventSchema;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a caller's events into recorded events the same way in every adapter: payloads encoded before the
 * store is locked, then versions, positions, stamps and previous event ids assigned under the lock.
 */
public final class EventRecorder {
    /** Most events accepted in one batch. */
    public static final int MAX_BATCH = 10_000;

    private final PayloadCodec codec;
    private final Clock clock;

    public EventRecorder(PayloadCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    public PayloadCodec codec() {
        return codec;
    }

    /** The same recorder binding payloads through {@code registry}. */
    public EventRecorder withRegistry(dev.dossier.domain.model.EventTypeRegistry registry) {
        return new EventRecorder(codec.withRegistry(registry), clock);
    }

    /**
     * Checks and encodes a batch; no store state is touched.
     *
     * @throws InvalidInputException for an empty or oversized batch, repeated event ids, or a bad payload
     */
    public List<EncodedEvent> encode(StreamId stream, List<NewEvent> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("batch", "for " + stream + " is empty; append at least one event");
        }
        if (events.size() > MAX_BATCH) {
            throw new InvalidInputException("batch", "for " + stream + " has " + events.size()
                    + " events; the limit is " + MAX_BATCH + " per append");
        }
        var ids = new HashSet<UUID>();
        var encoded = new ArrayList<EncodedEvent>(events.size());
        for (NewEvent event : events) {
            if (!ids.add(event.eventId())) {
                throw new InvalidInputException("event id", event.eventId() + " appears twice in one batch");
            }
            PayloadCodec.Checked payload = codec.encode(event.eventType(), event.payload());
            int schema = event.schemaVersion().orElseGet(() -> currentVersion(event));
            encoded.add(new EncodedEvent(event, payload.tree(), RawJson.of(payload.compact()), schema));
        }
        return encoded;
    }

    /** The registered schema version of the event's type, else its payload class's {@code @EventSchema}, else 1. */
    private int currentVersion(NewEvent event) {
        if (codec.registry().isRegistered(event.eventType())) {
            return codec.registry().schemaVersionOf(event.eventType());
        }
        EventSchema declared = event.payload().getClass().getAnnotation(EventSchema.class);
        return declared != null && declared.type().equals(event.eventType().value()) ? declared.version() : 1;
    }

    /**
     * Orders an encoded batch after the stream's last event and the store's last event.
     *
     * @throws ConcurrencyConflictException when {@code expected} does not match the stream's version
     */
    public List<PreparedEvent> prepare(StreamId stream, ExpectedVersion expected, List<EncodedEvent> batch,
                                       Optional<IndexEntry> lastOfStream, long lastPosition,
                                       Optional<EventStamp> lastStamp) {
        Version current = Version.of(lastOfStream.map(IndexEntry::version).orElse(0L));
        if (!expected.matches(current)) {
            throw new ConcurrencyConflictException(stream, expected, current);
        }
        Optional<UUID> previous = lastOfStream.map(IndexEntry::eventId);
        EventStamp stamp = lastStamp.orElse(null);
        var prepared = new ArrayList<PreparedEvent>(batch.size());
        for (EncodedEvent encoded : batch) {
            NewEvent event = encoded.event();
            stamp = EventStamp.next(clock.instant(), stamp);
            current = current.next();
            RecordedEvent recorded = RecordedEvent.builder()
                    .eventId(event.eventId())
                    .eventType(event.eventType())
                    .schemaVersion(encoded.schemaVersion())
                    .stream(stream)
                    .version(current)
                    .position(GlobalPosition.of(++lastPosition))
                    .timestamp(stamp.instant())
                    .previousEventId(previous)
                    .correlationId(event.correlationId())
                    .causationId(event.causationId())
                    .metadata(event.metadata())
                    .data(encoded.data())
                    .payload(codec.binder().binds(event.eventType(), encoded.schemaVersion())
                            ? codec.binder().bind(event.eventType(), encoded.data(), encoded.tree()) : encoded.data())
                    .build();
            prepared.add(new PreparedEvent(recorded, stamp));
            previous = Optional.of(event.eventId());
        }
        return prepared;
    }
}
