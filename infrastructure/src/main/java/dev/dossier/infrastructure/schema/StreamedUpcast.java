package dev.dossier.infrastructure.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An upcast that needs no tree: a chain of field changes (renames, removals, and additions of plain
 * values) applied to an object payload's top-level fields while the payload is bound to its class. Each
 * stored field is followed through the renames and removals to the name it ends under; a field added is
 * given when no stored field carries its name. This gives the fields the tree-based chain gives, in
 * another order (which binding ignores). The parser's duplicate check sees the stored and the final names
 * alike, so a payload in which a stored field ends under a name another stored field has or ends under is
 * refused (whether the tree-based chain would merge them or not), and the caller then upcasts it through
 * the tree.
 *
 * <p>Only chains whose added names are never renamed or removed qualify (see {@link #plan}): then whether
 * a field is added depends on the stored fields alone.
 */
public final class StreamedUpcast {
    private final int targetVersion;
    /** The stored fields the chain renames, by the name each ends under. */
    private final Map<String, String> finalNames;
    /** The stored fields the chain removes. */
    private final Set<String> dropped;
    private final List<String> addNames;
    private final List<JsonNode> addValues;
    /** The added fields by which of them no stored field named (bit i for the i-th); made when first needed. */
    private final Map<Long, ObjectNode> additions = new ConcurrentHashMap<>();

    private StreamedUpcast(int targetVersion, Map<String, String> finalNames, Set<String> dropped,
                           List<String> addNames, List<JsonNode> addValues) {
        this.targetVersion = targetVersion;
        this.finalNames = finalNames;
        this.dropped = dropped;
        this.addNames = addNames;
        this.addValues = addValues;
    }

    /**
     * The streamed form of the chain that starts at {@code from}, or empty when it needs a tree: a step
     * other than field changes (code, a type rename, a split), a retyped field, an added object or array,
     * an added name that a change renames or removes, more than 63 additions, or no step at all.
     */
    public static Optional<StreamedUpcast> plan(SchemaEvolution evolution, TypeVersion from) {
        var changes = new ArrayList<FieldTransformation>();
        TypeVersion at = from;
        for (Optional<UpcastStep> step; (step = evolution.stepFrom(at)).isPresent(); at = at.next()) {
            // A chain that keeps going is a loop the open-time check missed: the tree path reports it.
            if (!(step.get() instanceof UpcastStep.Fields fields) || changes.size() > 10_000) {
                return Optional.empty();
            }
            changes.addAll(fields.changes());
        }
        if (at.equals(from)) {
            return Optional.empty();
        }
        Set<String> moved = new LinkedHashSet<>();
        var adds = new HashMap<String, JsonNode>();
        var addNames = new ArrayList<String>();
        for (FieldTransformation change : changes) {
            if (change instanceof FieldTransformation.RenameField rename) {
                moved.add(rename.from());
                moved.add(rename.to());
            } else if (change instanceof FieldTransformation.RemoveField remove) {
                moved.add(remove.name());
            } else if (change instanceof FieldTransformation.AddField add && !add.value().isContainerNode()) {
                if (adds.putIfAbsent(add.name(), add.value()) == null) {
                    addNames.add(add.name());
                }
            } else {
                return Optional.empty(); // a retyped field, or an added object or array
            }
        }
        if (addNames.size() > 63 || addNames.stream().anyMatch(moved::contains)) {
            return Optional.empty();
        }
        var finalNames = new HashMap<String, String>();
        var dropped = new HashSet<String>();
        for (String name : moved) {
            Optional<String> end = follow(name, changes);
            if (end.isEmpty()) {
                dropped.add(name);
                finalNames.put(name, name);
            } else if (!end.get().equals(name)) {
                finalNames.put(name, end.get());
            }
        }
        return Optional.of(new StreamedUpcast(at.version(), Map.copyOf(finalNames), Set.copyOf(dropped),
                List.copyOf(addNames), addNames.stream().map(adds::get).toList()));
    }

    /** The name a stored field called {@code name} ends under; empty when the chain removes it. */
    private static Optional<String> follow(String name, List<FieldTransformation> changes) {
        String current = name;
        for (FieldTransformation change : changes) {
            if (change instanceof FieldTransformation.RenameField rename && rename.from().equals(current)) {
                current = rename.to();
            } else if (change instanceof FieldTransformation.RemoveField remove && remove.name().equals(current)) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The schema version the chain ends at (the type stays the same). */
    public int targetVersion() {
        return targetVersion;
    }

    /**
     * {@code source}, positioned before a payload, seen through the changes: read from it (to bind the
     * payload) instead of {@code source}. A payload that is not an object, or whose fields collide, makes
     * it throw; the caller then upcasts through the tree, which reports what is wrong.
     */
    public JsonParser apply(JsonParser source) {
        return new FieldChangingParser(source, this);
    }

    /** The name a stored field ends under when the chain renames or removes it; null when it keeps its name. */
    String finalName(String stored) {
        return finalNames.get(stored);
    }

    /** Whether the chain removes the stored field {@code stored}. */
    boolean dropped(String stored) {
        return dropped.contains(stored);
    }

    List<String> addNames() {
        return addNames;
    }

    /** The fields to add when no stored field has the names of {@code missing} (bit i: the i-th addition); read only. */
    ObjectNode additions(long missing) {
        return additions.computeIfAbsent(missing, bits -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < addNames.size(); i++) {
                if ((bits & (1L << i)) != 0) {
                    node.set(addNames.get(i), addValues.get(i));
                }
            }
            return node;
        });
    }
}
