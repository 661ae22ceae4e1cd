package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The registry files under {@code metadata/}, by name: one read as a JSON tree (the missing node when it
 * is absent, unreadable or not JSON; never throws), one replaced whole by a pretty-printed document, and
 * forcing them and their directory; writing and forcing throw {@link IOException}. Reading needs no
 * {@link DurableFiles} (it may be null for a reader that only reads).
 */
final class RegistryFiles {
    private final ObjectMapper mapper = JsonSupport.mapper();
    private final StoreLayout layout;
    private final DurableFiles files;

    RegistryFiles(StoreLayout layout, DurableFiles files) {
        this.layout = layout;
        this.files = files;
    }

    /** The registry {@code name} as it is on disk, or the missing node when it cannot be read as JSON. */
    JsonNode read(String name) {
        try {
            return mapper.readTree(Files.readAllBytes(file(name)));
        } catch (IOException | RuntimeException e) {
            return mapper.missingNode();
        }
    }

    /**
     * Replaces the registry {@code name} by {@code node}: atomically and forced (when syncing) when
     * {@code durably}, else as a derived file that is never forced.
     */
    void replace(String name, ObjectNode node, boolean durably) throws IOException {
        byte[] bytes = bytes(node);
        if (durably) {
            files.writeAtomically(file(name), bytes);
        } else {
            files.writeDerived(file(name), bytes);
        }
    }

    /** Forces the registry {@code name} as it is (when syncing). */
    void force(String name) throws IOException {
        files.syncFile(file(name));
    }

    /** Forces the {@code metadata/} directory (when syncing). */
    void forceDirectory() throws IOException {
        files.syncDirectory(layout.metadata());
    }

    private Path file(String name) {
        return layout.metadata().resolve(name);
    }

    private static byte[] bytes(ObjectNode node) throws IOException {
        return (JsonSupport.prettyWriter().writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
