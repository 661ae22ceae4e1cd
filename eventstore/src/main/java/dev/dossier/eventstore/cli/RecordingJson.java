package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.eventstore.replay.RecordingManifest;
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.json.MergedFields;

/** JSON documents of the replay commands: a recording's manifest, a merged payload view. */
final class RecordingJson {
    private RecordingJson() {
    }

    static String manifest(RecordingManifest manifest) {
        ObjectNode node = EventJson.object();
        node.put("format", RecordingManifest.FORMAT);
        node.put("source", manifest.source());
        ObjectNode filter = node.putObject("filter");
        manifest.filter().forEach(filter::put);
        node.put("created", EventJson.timestamp(manifest.created()));
        node.put("events", manifest.events());
        node.put("matched", manifest.matched());
        node.put("masked", manifest.masked());
        node.put("positions", RecordingManifest.POSITIONS);
        node.put("checksum", "sha256:" + manifest.sha256());
        return EventJson.compact(node);
    }

    static ObjectNode merged(MergedFields fields) {
        try {
            return (ObjectNode) JsonSupport.mapper().readTree(fields.toJson());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalStateException("merged fields are always JSON", e);
        }
    }
}
