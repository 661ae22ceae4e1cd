package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.IncompatibleStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Small whole-file reads and atomic writes inside one area of a store ({@code snapshots/}, {@code commands/},
 * {@code checkpoints/}, {@code parked/}, {@code projections/}),
 * with the store's durability and permissions. Never follows a symbolic link.
 */
final class AreaFiles {
    private final Path storeRoot;
    private final Path area;
    private final DurableFiles files;

    AreaFiles(FileStoreOptions options, String areaName) {
        this.storeRoot = options.root().toAbsolutePath().normalize();
        if (!StoreDirectory.isStore(storeRoot)) {
            throw new IncompatibleStoreException(storeRoot.toString(),
                    "there is no event store there (no metadata/format.json); open the event store first");
        }
        this.area = storeRoot.resolve(areaName);
        boolean posix = storeRoot.getFileSystem().supportedFileAttributeViews().contains("posix");
        this.files = new DurableFiles(options.durability(), !options.sharedAccess(), posix);
    }

    Path area() {
        return area;
    }

    /** The path relative to the store root, for messages. */
    String relative(Path file) {
        return storeRoot.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** Replaces {@code file} with {@code bytes} atomically, creating its directories; forced when syncing. */
    void write(Path file, byte[] bytes) throws IOException {
        var changed = new LinkedHashSet<Path>();
        files.createDirectories(storeRoot, file.getParent(), changed);
        files.writeAtomically(file, bytes);
        files.syncDirectory(file.getParent());
        for (Path directory : changed) {
            files.syncDirectory(directory);
        }
    }

    /** The file's bytes; empty when it does not exist. */
    Optional<byte[]> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), Integer.MAX_VALUE - 16));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // until the whole file is in
            }
            return Optional.of(buffer.array());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The names of the regular files in {@code directory} ending in {@code suffix}, sorted; empty when it is missing. */
    java.util.List<String> list(Path directory, String suffix) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.List.of();
        }
        try (Stream<Path> paths = Files.list(directory)) {
            return paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(suffix) && !StoreLayout.isTemporary(n))
                    .sorted().toList();
        }
    }

    /** Deletes {@code directory} and everything in it; no-op when it is missing. */
    void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Deletes the whole area (it is created again by the next write). */
    void deleteArea() throws IOException {
        deleteTree(area);
    }
}
