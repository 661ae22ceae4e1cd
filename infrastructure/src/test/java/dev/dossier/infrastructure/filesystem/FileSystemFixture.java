package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.infrastructure.contract.SchemaFixture;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Filesystem stores in fresh temporary directories, for the contract suites. */
public final class FileSystemFixture implements SchemaFixture {
    private final Durability durability;
    private final UnaryOperator<FileStoreOptions> tuning;

    public FileSystemFixture(Durability durability) {
        this(durability, UnaryOperator.identity());
    }

    /** Stores opened with the options {@code tuning} makes of the fixture's own. */
    public FileSystemFixture(Durability durability, UnaryOperator<FileStoreOptions> tuning) {
        this.durability = durability;
        this.tuning = tuning;
    }

    @Override
    public EventStorePort create(EventTypeRegistry types, Clock clock) {
        try {
            return open(Files.createTempDirectory("dossier-contract-").resolve("store"), types, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EventStorePort open(Path root, EventTypeRegistry types, Clock clock) {
        return FileSystemEventStore.open(tuning.apply(FileStoreOptions.at(root).withDurability(durability)
                .withEventTypes(types).withClock(clock)));
    }

    @Override
    public EventStorePort reopen(EventStorePort store, EventTypeRegistry types, Clock clock) {
        store.close();
        return open(((FileSystemEventStore) store).root(), types, clock);
    }

    @Override
    public EventStorePort create(EventTypeRegistry types, SchemaEvolution schemas, Clock clock) {
        FileSystemEventStore store = (FileSystemEventStore) create(types, clock);
        return reopen(store, types, schemas, clock);
    }

    @Override
    public EventStorePort reopen(EventStorePort store, EventTypeRegistry types, SchemaEvolution schemas, Clock clock) {
        store.close();
        return FileSystemEventStore.open(tuning.apply(FileStoreOptions.at(((FileSystemEventStore) store).root())
                .withDurability(durability).withEventTypes(types).withSchemas(schemas).withClock(clock)));
    }

    @Override
    public void discard(EventStorePort store) {
        store.close();
        deleteTree(((FileSystemEventStore) store).root().getParent());
    }

    /** A condition a test waits for. */
    public interface Condition {
        boolean holds() throws IOException;
    }

    /** Whether {@code condition} holds within 10 s (looked at every 5 ms). */
    public static boolean eventually(Condition condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Deletes a directory tree; test stores only. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a directory tree, {@code metadata/} first, then in the order of the sorted paths; test stores
     * only. A file an open store's background thread renames or deletes while the copy walks (a
     * spare journal being made, the files a pack replaced) is left out, as a power cut then could leave it out.
     */
    public static void copyTree(Path from, Path to) {
        var paths = new java.util.ArrayList<Path>();
        try {
            Files.walkFileTree(from, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                        java.nio.file.attribute.BasicFileAttributes attributes) {
                    paths.add(dir);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file,
                        java.nio.file.attribute.BasicFileAttributes attributes) {
                    paths.add(file);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof java.nio.file.NoSuchFileException) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
            Path metadata = from.resolve("metadata");
            paths.sort(java.util.Comparator.comparing((Path p) -> !p.startsWith(metadata)).thenComparing(p -> p));
            for (Path path : paths) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.copy(path, target);
                    } catch (java.nio.file.NoSuchFileException e) {
                        // gone since the walk listed it
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
