package dev.dossier.infrastructure.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.error.SchemaEvolutionException;
import dev.dossier.domain.error.SchemaEvolutionException.Problem;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.json.PayloadCodec;
import dev.dossier.infrastructure.schema.Fallback;
import dev.dossier.infrastructure.schema.JsonEvent;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import dev.dossier.infrastructure.schema.StreamedUpcast;
import dev.dossier.infrastructure.schema.UpcastChain;
import dev.dossier.infrastructure.schema.TypeVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read-time upcasting both adapters share: an event already at its type's current version passes
 * through as the adapter read it; an older one is parsed, upcast step by step, and bound to the current
 * class; the parts of a split share the stored event's id, version, position and timestamp, in the order
 * the split declares. Files are never changed.
 */
public final class EventUpcaster {
    private final SchemaEvolution evolution;
    private final EventTypeRegistry registry;
    private final PayloadCodec codec;
    private final UpcastChain chain;

    public EventUpcaster(SchemaEvolution evolution, PayloadCodec codec) {
        this.evolution = evolution;
        this.registry = codec.registry();
        this.codec = codec;
        this.chain = new UpcastChain(evolution);
    }

    public SchemaEvolution evolution() {
        return evolution;
    }

    /** Whether {@code event}, as an adapter read it, is what the reader gets: no step, nothing to refuse. */
    public boolean passesThrough(RecordedEvent event) {
        return passesThrough(event.eventType(), event.schemaVersion());
    }

    /** Whether a stored event of {@code type} at {@code schemaVersion} passes through (see above). */
    public boolean passesThrough(EventType type, int schemaVersion) {
        LastAnswer last = lastAnswer;
        if (last != null && last.schemaVersion == schemaVersion && last.type.equals(type)) {
            return last.passes;
        }
        LastAnswer before = answerBefore;
        if (before != null && before.schemaVersion == schemaVersion && before.type.equals(type)) {
            answerBefore = last;
            lastAnswer = before;
            return before.passes;
        }
        boolean passes = answer(type, schemaVersion);
        answerBefore = last;
        lastAnswer = new LastAnswer(type, schemaVersion, passes);
        return passes;
    }

    /**
     * The last two answers of {@link #passesThrough(EventType, int)}: consecutive events of a read mostly
     * share their type and version (an event upcast while it is read asks for its stored version and then
     * for its current one). Immutable, so a racing read sees a whole answer or none.
     */
    private record LastAnswer(EventType type, int schemaVersion, boolean passes) {
    }

    private volatile LastAnswer lastAnswer;
    private volatile LastAnswer answerBefore;

    /** {@link #streamed} by where a stored event starts; computed once each. */
    private final Map<TypeVersion, Optional<StreamedUpcast>> streamed = new ConcurrentHashMap<>();

    /**
     * How to upcast a stored payload of {@code type} at {@code schemaVersion} while it is bound, without a
     * tree: empty unless its chain is plain field changes ({@link StreamedUpcast#plan}) ending at the
     * version registered for the type, with a class to bind to. An adapter that uses it binds the payload
     * through {@link StreamedUpcast#apply} and sets the data to {@link #upcastText}; when that fails it
     * upcasts the same event through {@link #upcast(RecordedEvent, JsonNode)}, which says why.
     */
    public Optional<StreamedUpcast> streamed(EventType type, int schemaVersion) {
        return streamed.computeIfAbsent(new TypeVersion(type, schemaVersion), from ->
                StreamedUpcast.plan(evolution, from).filter(plan -> registry.isRegistered(type)
                        && registry.schemaVersionOf(type) == plan.targetVersion()
                        && codec.binder().bindsInPlace(type, plan.targetVersion())));
    }

    /**
     * The upcast payload's text, as {@link #upcast(RecordedEvent, JsonNode)} gives it for a stored payload
     * {@code stored} of {@code type} at {@code schemaVersion} that {@link #streamed} upcasts; computed only
     * when a reader asks for it.
     */
    public RawJson upcastText(EventType type, int schemaVersion, RawJson stored) {
        return RawJson.lazy(() -> codec.compact(chain.run(new JsonEvent(type, schemaVersion,
                codec.parseStored(type, stored))).get(0).data()));
    }

    private boolean answer(EventType type, int schemaVersion) {
        boolean stepped = evolution.hasSteps(type);
        if (stepped && evolution.stepFrom(new TypeVersion(type, schemaVersion)).isPresent()) {
            return false;
        }
        if (registry.isRegistered(type)) {
            return registry.schemaVersionOf(type) == schemaVersion;
        }
        return !stepped && evolution.onUnknownType() == Fallback.RAW_JSON;
    }

    /**
     * The events a reader gets for one stored event: itself, its upcast form, or the parts of a split.
     *
     * @throws SchemaEvolutionException when it cannot be brought to a known schema and the fallback is to fail
     */
    public List<RecordedEvent> read(RecordedEvent stored) {
        return passesThrough(stored) ? List.of(stored) : upcast(stored);
    }

    /**
     * Like {@link #read}, for an event the caller found does not {@link #passesThrough pass through}.
     *
     * @throws SchemaEvolutionException when it cannot be brought to a known schema and the fallback is to fail
     */
    public List<RecordedEvent> upcast(RecordedEvent stored) {
        return upcast(stored, null);
    }

    /**
     * Like {@link #upcast(RecordedEvent)}, starting from {@code storedData}: the tree of {@code stored.data()}
     * that the adapter parsed while loading it, which becomes the upcasters' to change; null to parse it here.
     *
     * @throws SchemaEvolutionException when it cannot be brought to a known schema and the fallback is to fail
     */
    public List<RecordedEvent> upcast(RecordedEvent stored, JsonNode storedData) {
        EventType type = stored.eventType();
        JsonNode data = storedData != null ? storedData : codec.parseStored(type, stored.data());
        List<JsonEvent> parts;
        try {
            parts = chain.run(new JsonEvent(type, stored.schemaVersion(), data));
        } catch (IllegalArgumentException e) {
            throw new SchemaEvolutionException(type.value(), stored.schemaVersion(), Problem.INVALID_UPCASTER,
                    "upcasting failed: " + e.getMessage());
        }
        var events = new ArrayList<RecordedEvent>(parts.size());
        for (JsonEvent part : parts) {
            events.add(finish(stored, part));
        }
        return events;
    }

    private RecordedEvent finish(RecordedEvent stored, JsonEvent part) {
        boolean unchanged = part.type().equals(stored.eventType()) && part.version() == stored.schemaVersion();
        RawJson data = unchanged ? stored.data() : codec.text(part.data(), evolution.mayDeepen());
        return stored.toBuilder().eventType(part.type()).schemaVersion(part.version()).data(data)
                .payload(payload(stored, part, data)).build();
    }

    private Object payload(RecordedEvent stored, JsonEvent part, RawJson data) {
        EventType type = part.type();
        if (registry.isRegistered(type)) {
            int current = registry.schemaVersionOf(type);
            if (part.version() == current) {
                return codec.binder().bind(type, data, part.data());
            }
            if (part.version() > current) {
                return fallback(evolution.onNewerVersion(), stored, data, Problem.NEWER_THAN_KNOWN,
                        "the stored schema is newer than the current version " + current
                                + " this code registers for " + type + " (upgrade the code, or read it as raw JSON)");
            }
            throw missing(stored, part, "the current version of " + type + " is " + current);
        }
        if (evolution.hasSteps(type)) {
            throw missing(stored, part, "no class is registered for " + type);
        }
        return fallback(evolution.onUnknownType(), stored, data, Problem.UNKNOWN_TYPE,
                "no class is registered for " + type + " and no upcaster leads from it");
    }

    private static Object fallback(Fallback fallback, RecordedEvent stored, RawJson data, Problem problem,
                                   String detail) {
        if (fallback == Fallback.RAW_JSON) {
            return data;
        }
        throw new SchemaEvolutionException(stored.eventType().value(), stored.schemaVersion(), problem,
                detail + " (event " + stored.eventId() + " of " + stored.stream() + ")");
    }

    private static SchemaEvolutionException missing(RecordedEvent stored, JsonEvent part, String why) {
        return new SchemaEvolutionException(stored.eventType().value(), stored.schemaVersion(),
                Problem.MISSING_UPCASTER, "no upcaster starts at " + part.at() + " and " + why
                + " (event " + stored.eventId() + " of " + stored.stream() + "). Add the missing upcaster step.");
    }
}
