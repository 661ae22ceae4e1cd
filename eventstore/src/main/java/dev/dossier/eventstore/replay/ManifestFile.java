package dev.dossier.eventstore.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TreeMap;

/** Reads and writes {@code metadata/recording.json}: the manifest of a recording. */
final class ManifestFile {
    static final String PATH = "metadata/recording.json";

    private ManifestFile() {
    }

    static ObjectNode toJson(RecordingManifest manifest) {
        ObjectNode node = JsonSupport.mapper().createObjectNode();
        node.put("format", RecordingManifest.FORMAT);
        node.put("formatVersion", 1);
        node.put("source", manifest.source());
        ObjectNode filter = node.putObject("filter");
        new TreeMap<>(manifest.filter()).forEach(filter::put);
        node.put("created", manifest.created().toString());
        node.put("events", manifest.events());
        node.put("matched", manifest.matched());
        node.put("masked", manifest.masked());
        node.put("positions", RecordingManifest.POSITIONS);
        node.put("checksum", "sha256:" + manifest.sha256());
        return node;
    }

    static void write(Path root, RecordingManifest manifest) {
        try {
            Files.writeString(root.resolve(PATH),
                    JsonSupport.prettyWriter().writeValueAsString(toJson(manifest)) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("write the manifest of the recording at " + root, e);
        }
    }

    static RecordingManifest read(Path root) {
        Path file = root.resolve(PATH);
        try {
            JsonNode node = JsonSupport.mapper().readTree(Files.readAllBytes(file));
            if (node == null || !RecordingManifest.FORMAT.equals(node.path("format").asText())) {
                throw new CorruptDataException(file.toString(), "not a recording manifest");
            }
            var filter = new TreeMap<String, String>();
            node.path("filter").fields().forEachRemaining(f -> filter.put(f.getKey(), f.getValue().asText()));
            return new RecordingManifest(node.path("source").asText(), filter,
                    Instant.parse(node.path("created").asText()), node.path("events").asLong(),
                    node.path("matched").asLong(), node.path("masked").asBoolean(),
                    node.path("checksum").asText().replaceFirst("^sha256:", ""));
        } catch (IOException e) {
            throw new StorageException("read the manifest " + file, e);
        } catch (RuntimeException e) {
            if (e instanceof CorruptDataException) {
                throw e;
            }
            throw new CorruptDataException(file.toString(), "the manifest cannot be read: " + e.getMessage(), e);
        }
    }

    static boolean exists(Path root) {
        return Files.isRegularFile(root.resolve(PATH));
    }
}
