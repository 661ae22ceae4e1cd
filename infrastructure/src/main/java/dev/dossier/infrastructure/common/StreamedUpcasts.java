package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.RawJson;
import dev.dossier.infrastructure.json.PayloadCodec;
import dev.dossier.infrastructure.schema.JsonEvent;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import dev.dossier.infrastructure.schema.StreamedUpcast;
import dev.dossier.infrastructure.schema.TypeVersion;
import dev.dossier.infrastructure.schema.UpcastChain;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upcasts that need no tree, by where a stored event starts: a plan when the event's chain is plain
 * field changes ending at the version registered for its type, with a class to bind to in place, else
 * empty; each computed once, safe for concurrent readers. Also the upcast text of such an event, made from
 * a tree only when a reader asks for it.
 */
final class StreamedUpcasts {
    private final SchemaEvolution evolution;
    private final EventTypeRegistry registry;
    private final PayloadCodec codec;
    private final UpcastChain chain;
    /** {@link #streamed} by where a stored event starts; computed once each. */
    private final Map<TypeVersion, Optional<StreamedUpcast>> streamed = new ConcurrentHashMap<>();

    StreamedUpcasts(SchemaEvolution evolution, PayloadCodec codec, UpcastChain chain) {
        this.evolution = evolution;
        this.registry = codec.registry();
        this.codec = codec;
        this.chain = chain;
    }

    /** The plan for a stored payload of {@code type} at {@code schemaVersion}, or empty (see above). */
    Optional<StreamedUpcast> streamed(EventType type, int schemaVersion) {
        return streamed.computeIfAbsent(new TypeVersion(type, schemaVersion), from ->
                StreamedUpcast.plan(evolution, from).filter(plan -> registry.isRegistered(type)
                        && registry.schemaVersionOf(type) == plan.targetVersion()
                        && codec.binder().bindsInPlace(type, plan.targetVersion())));
    }

    /** The upcast text of {@code stored}, of {@code type} at {@code schemaVersion}; computed lazily. */
    RawJson upcastText(EventType type, int schemaVersion, RawJson stored) {
        return RawJson.lazy(() -> codec.compact(chain.run(new JsonEvent(type, schemaVersion,
                codec.parseStored(type, stored))).get(0).data()));
    }
}
