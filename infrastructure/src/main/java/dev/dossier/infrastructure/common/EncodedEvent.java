package dev.dossier.infrastructure.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;

/**
 * An event to append whose payload has been checked and turned into JSON, before the store orders it.
 *
 * @param tree the payload's tree when it was built from an object; null when it was handed in as text
 */
public record EncodedEvent(NewEvent event, JsonNode tree, RawJson data, int schemaVersion) {
}
