package dev.dossier.infrastructure.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.error.EventSerializationException;
import java.util.Optional;

/**
 * Turns a host's state object (a snapshot's state) into a JSON tree and back, with the store's one safe
 * mapper. Binding only ever instantiates the class the caller declares, never one named in the data.
 */
public final class StateCodec {
    private StateCodec() {
    }

    /**
     * The state as a JSON tree.
     *
     * @throws EventSerializationException when Jackson cannot serialize it
     */
    public static JsonNode toTree(String what, Object state) {
        try {
            return JsonSupport.mapper().valueToTree(state);
        } catch (IllegalArgumentException e) {
            throw new EventSerializationException(what, "Jackson cannot serialize "
                    + state.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    /** The tree bound to {@code type}; empty when it does not fit (a changed class, a hand-edited file). */
    public static Optional<Object> bind(JsonNode tree, Class<?> type) {
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JsonSupport.mapper().treeToValue(tree, type));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
