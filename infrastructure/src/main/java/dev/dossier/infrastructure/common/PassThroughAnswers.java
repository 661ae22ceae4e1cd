package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.infrastructure.schema.Fallback;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import dev.dossier.infrastructure.schema.TypeVersion;

/**
 * Answers whether a stored event of a type at a schema version passes through the upcaster as an adapter
 * read it: no upcaster starts there, and it is at the registered version of its type, or its type is
 * unknown, has no steps and unknown types are read as raw JSON. Remembers its last two answers; safe for
 * concurrent readers. Never throws.
 */
final class PassThroughAnswers {
    private final SchemaEvolution evolution;
    private final EventTypeRegistry registry;

    PassThroughAnswers(SchemaEvolution evolution, EventTypeRegistry registry) {
        this.evolution = evolution;
        this.registry = registry;
    }

    /** Whether a stored event of {@code type} at {@code schemaVersion} passes through. */
    boolean passesThrough(EventType type, int schemaVersion) {
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
}
