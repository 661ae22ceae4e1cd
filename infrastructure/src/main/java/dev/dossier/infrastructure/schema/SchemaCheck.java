package dev.dossier.infrastructure.schema;

import dev.dossier.domain.error.SchemaEvolutionException;
import dev.dossier.domain.error.SchemaEvolutionException.Problem;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The check a store runs when it opens: every (event type, schema version) present on disk must reach
 * the registered current version through the declared upcasters. A gap is reported then, with the
 * number of events concerned, rather than at the first read. Newer-than-known versions and unknown types
 * are left to the read-time {@link Fallback}.
 */
public final class SchemaCheck {
    private final SchemaEvolution evolution;
    private final EventTypeRegistry registry;
    private final Set<TypeVersion> reachable = new HashSet<>();

    public SchemaCheck(SchemaEvolution evolution, EventTypeRegistry registry) {
        this.evolution = evolution;
        this.registry = registry;
    }

    /**
     * @param onDisk per event type, the number of stored events at each schema version
     * @throws SchemaEvolutionException naming the first gap or cycle found
     */
    public void check(Map<EventType, Map<Integer, Long>> onDisk) {
        onDisk.forEach((type, versions) -> versions.forEach((version, count) ->
                walk(new TypeVersion(type, version), new TypeVersion(type, version), count, new LinkedHashSet<>())));
    }

    private void walk(TypeVersion stored, TypeVersion at, long count, Set<TypeVersion> path) {
        if (reachable.contains(at)) {
            return;
        }
        if (!path.add(at)) {
            throw new SchemaEvolutionException(stored.type().value(), stored.version(), Problem.INVALID_UPCASTER,
                    "the upcasters loop: " + path + " -> " + at);
        }
        var step = evolution.stepFrom(at);
        if (step.isPresent()) {
            for (TypeVersion target : step.get().targets(at)) {
                walk(stored, target, count, path);
            }
        } else if (registry.isRegistered(at.type()) && at.version() < registry.schemaVersionOf(at.type())) {
            throw missing(stored, at, count, "the current version of " + at.type() + " is "
                    + registry.schemaVersionOf(at.type()) + ", but no upcaster starts at " + at);
        } else if (!registry.isRegistered(at.type()) && evolution.hasSteps(at.type())) {
            throw missing(stored, at, count, "no upcaster starts at " + at + " and no class is registered for "
                    + at.type());
        }
        path.remove(at);
        reachable.add(at);
    }

    private static SchemaEvolutionException missing(TypeVersion stored, TypeVersion at, long count, String why) {
        String via = stored.equals(at) ? "" : " (upcast as far as " + at + ")";
        return new SchemaEvolutionException(stored.type().value(), stored.version(), Problem.MISSING_UPCASTER,
                count + " stored event" + (count == 1 ? "" : "s") + " cannot be read" + via + ": " + why
                        + ". Add the missing upcaster step.");
    }
}
