package dev.dossier.infrastructure.filesystem;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The envelope field names seen so far: a bit per known name, a set only for names the format does not know. */
final class FieldNames {
    private static final List<String> KNOWN = List.of("stamp", "eventId", "eventType", "schemaVersion",
            "aggregateType", "aggregateId", "aggregateVersion", "globalPosition", "timestamp", "previousEventId",
            "correlationId", "causationId", "metadata", "data");
    private int known;
    private Set<String> others;

    /** False when {@code name} was seen before. */
    boolean add(String name) {
        int index = KNOWN.indexOf(name);
        if (index >= 0) {
            int bit = 1 << index;
            boolean fresh = (known & bit) == 0;
            known |= bit;
            return fresh;
        }
        if (others == null) {
            others = new HashSet<>();
        }
        return others.add(name);
    }
}
