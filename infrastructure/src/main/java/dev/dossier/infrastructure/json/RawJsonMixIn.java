package dev.dossier.infrastructure.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the store's Jackson writes and reads a {@link dev.dossier.domain.model.RawJson} held inside a payload,
 * a snapshot or a read model: as {@code {"json": "<text>"}}, the form it had when it was a record, so that
 * what was stored that way still reads. (The domain stays free of Jackson: the annotations live here.)
 */
abstract class RawJsonMixIn {
    @JsonCreator
    RawJsonMixIn(@JsonProperty("json") String json) {
    }

    @JsonProperty("json")
    abstract String json();
}
