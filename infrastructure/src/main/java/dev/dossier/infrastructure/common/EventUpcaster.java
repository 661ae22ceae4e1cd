package dev.dossier.infrastructure.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.error.SchemaEvolutionException;
import dev.dossier.domain.error.SchemaEvolutionException.Problem;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.json.PayloadCodec;
import dev.dossier.infrastructure.schema.JsonEvent;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import dev.dossier.infrastructure.schema.StreamedUpcast;
import dev.dossier.infrastructure.schema.UpcastChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read-time upcasting both adapters share: an event already at its type's current version passes
 * through as the adapter read it; an older one is parsed, upcast step by step, and bound to the current
 * class; the parts of a split share the stored event's id, version, position and timestamp, in the order
 * the split declares. Files are never changed.
 */
public final class EventUpcaster {
    private final SchemaEvolution evolution;
    private final PayloadCodec codec;
    private final UpcastChain chain;
    private final PassThroughAnswers answers;
    private final StreamedUpcasts streamed;
    private final UpcastPartBinder binder;

    public EventUpcaster(SchemaEvolution evolution, PayloadCodec codec) {
        this.evolution = evolution;
        this.codec = codec;
        this.chain = new UpcastChain(evolution);
        this.answers = new PassThroughAnswers(evolution, codec.registry());
        this.streamed = new StreamedUpcasts(evolution, codec, chain);
        this.binder = new UpcastPartBinder(evolution, codec);
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
        return answers.passesThrough(type, schemaVersion);
    }

    /**
     * How to upcast a stored payload of {@code type} at {@code schemaVersion} while it is bound, without a
     * tree: empty unless its chain is plain field changes ({@link StreamedUpcast#plan}) ending at the
     * version registered for the type, with a class to bind to. An adapter that uses it binds the payload
     * through {@link StreamedUpcast#apply} and sets the data to {@link #upcastText}; when that fails it
     * upcasts the same event through {@link #upcast(RecordedEvent, JsonNode)}, which says why.
     */
    public Optional<StreamedUpcast> streamed(EventType type, int schemaVersion) {
        return streamed.streamed(type, schemaVersion);
    }

    /**
     * The upcast payload's text, as {@link #upcast(RecordedEvent, JsonNode)} gives it for a stored payload
     * {@code stored} of {@code type} at {@code schemaVersion} that {@link #streamed} upcasts; computed only
     * when a reader asks for it.
     */
    public RawJson upcastText(EventType type, int schemaVersion, RawJson stored) {
        return streamed.upcastText(type, schemaVersion, stored);
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
            events.add(binder.finish(stored, part));
        }
        return events;
    }
}
