package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code metadata/packing.json}: what a pack is about to replace. It is written (and forced) before the
 * pack file takes its name and deleted once the files the pack replaces are gone, so a pack interrupted by
 * a crash is finished when the store is next opened: if the pack file exists, the files it replaces are
 * deleted; if not, nothing had changed (a temporary file the pack left is removed). Paths are relative to
 * the store directory.
 */
final class PackIntent {
    static final String FILE = "packing.json";
    private static final ObjectMapper MAPPER = JsonSupport.mapper();

    private PackIntent() {
    }

    static Path path(StoreLayout layout) {
        return layout.metadata().resolve(FILE);
    }

    /** Records that {@code pack} is about to replace {@code sources}; returns the record's bytes. */
    static byte[] write(StoreLayout layout, DurableFiles files, Path pack, List<Path> sources) throws IOException {
        var relative = sources.stream().map(layout::relative).toList();
        byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(Map.of("pack", layout.relative(pack), "replaces", relative));
        files.writeAtomically(path(layout), bytes);
        files.syncDirectory(layout.metadata());
        return bytes;
    }

    /** Removes the record of a finished pack. */
    static void clear(StoreLayout layout, DurableFiles files) throws IOException {
        if (Files.deleteIfExists(path(layout))) {
            files.syncDirectory(layout.metadata());
        }
    }

    /** Removes the record when it is still {@code bytes} (and not, say, another process's later pack). */
    static void clearIf(StoreLayout layout, DurableFiles files, byte[] bytes) throws IOException {
        try {
            if (java.util.Arrays.equals(Files.readAllBytes(path(layout)), bytes)) {
                clear(layout, files);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // already finished, by a pack or an open
        }
    }

    /**
     * Finishes a pack a crash interrupted, if any: returns how many replaced files it deleted.
     *
     * @throws CorruptDataException when the record is unreadable or names a path outside the store
     */
    static int finish(StoreLayout layout, DurableFiles files) throws IOException {
        Path record = path(layout);
        if (!Files.exists(record, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readAllBytes(record));
        } catch (IOException e) {
            throw new CorruptDataException(layout.relative(record), "unreadable: " + e.getMessage());
        }
        Path pack = inside(layout, tree.path("pack").asText(""), record);
        int deleted = 0;
        if (Files.isRegularFile(pack, LinkOption.NOFOLLOW_LINKS)) {
            var sources = new ArrayList<Path>();
            tree.path("replaces").forEach(node -> sources.add(inside(layout, node.asText(""), record)));
            for (Path source : sources) {
                if (!source.equals(pack) && Files.deleteIfExists(source)) {
                    deleted++;
                }
            }
            files.syncDirectory(pack.getParent());
        }
        AtomicFileWriter.removeTemporaries(pack.getParent());
        clear(layout, files);
        return deleted;
    }

    /**
     * How many of the files an unfinished pack replaces still exist, when its range file exists; -1 when there
     * is no such pack (no record, no range file, or a record that cannot be read).
     */
    static int replacedLeft(StoreLayout layout) {
        Path record = path(layout);
        try {
            JsonNode tree = MAPPER.readTree(Files.readAllBytes(record));
            Path pack = inside(layout, tree.path("pack").asText(""), record);
            if (!Files.isRegularFile(pack, LinkOption.NOFOLLOW_LINKS)) {
                return -1;
            }
            int left = 0;
            for (JsonNode node : tree.path("replaces")) {
                Path source = inside(layout, node.asText(""), record);
                if (!source.equals(pack) && Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                    left++;
                }
            }
            return left;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Path inside(StoreLayout layout, String relative, Path record) {
        Path path = layout.root().resolve(relative).normalize();
        if (relative.isEmpty() || !path.startsWith(layout.root()) || path.startsWith(layout.metadata())) {
            throw new CorruptDataException(layout.relative(record), "names '" + relative
                    + "', which is not a file of an aggregate directory");
        }
        return path;
    }
}
