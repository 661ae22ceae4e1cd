package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the aggregate directories of a store without reading any file body, and classifies every entry:
 * event files, range files, temporary files, and anything the format does not explain (strays, symbolic links).
 * Symbolic links are reported, never followed.
 */
final class StoreScanner {
    /** Root directories with a layout of their own: metadata, snapshots, commands, backups, subscriptions. */
    private static final java.util.Set<String> OWN_AREAS = java.util.Set.of(StoreLayout.METADATA,
            FileSystemSnapshotStore.AREA, FileSystemProcessedCommandStore.AREA, StoreMigration.BACKUP,
            FileSystemCheckpointStore.AREA, FileSystemParkedEventStore.AREA, FileSystemReadModelStore.AREA);

    private final StoreLayout layout;

    StoreScanner(StoreLayout layout) {
        this.layout = layout;
    }

    enum Kind { EVENT, RANGE, TEMPORARY, STRAY_FILE, STRAY_DIRECTORY, SYMBOLIC_LINK }

    /**
     * One entry found; {@code stream} is set for event files, range files and temporaries, {@code name} for
     * event files, {@code range} for range files.
     */
    record Found(Path path, Kind kind, Optional<StreamId> stream, Optional<StoreLayout.ParsedName> name,
                 Optional<StoreLayout.RangeName> range) {
        Found(Path path, Kind kind, Optional<StreamId> stream, Optional<StoreLayout.ParsedName> name) {
            this(path, kind, stream, name, Optional.empty());
        }
    }

    List<Found> scan() throws IOException {
        var found = new ArrayList<Found>();
        for (Path typeDir : list(layout.root())) {
            String typeName = typeDir.getFileName().toString();
            if (OWN_AREAS.contains(typeName) && isDirectory(typeDir)) {
                continue;
            }
            if (Files.isSymbolicLink(typeDir)) {
                found.add(stray(typeDir, Kind.SYMBOLIC_LINK));
                continue;
            }
            Optional<String> type = NameCodec.decode(typeName, NameCodec.Kind.AGGREGATE_TYPE);
            if (!isDirectory(typeDir) || type.isEmpty()) {
                found.add(stray(typeDir, isDirectory(typeDir) ? Kind.STRAY_DIRECTORY : Kind.STRAY_FILE));
                continue;
            }
            for (Path aggregateDir : list(typeDir)) {
                scanAggregate(found, type.get(), aggregateDir);
            }
        }
        return found;
    }

    private void scanAggregate(List<Found> found, String type, Path aggregateDir) throws IOException {
        if (Files.isSymbolicLink(aggregateDir)) {
            found.add(stray(aggregateDir, Kind.SYMBOLIC_LINK));
            return;
        }
        Optional<String> id = NameCodec.decode(aggregateDir.getFileName().toString(), NameCodec.Kind.AGGREGATE_ID);
        if (!isDirectory(aggregateDir) || id.isEmpty()) {
            found.add(stray(aggregateDir, isDirectory(aggregateDir) ? Kind.STRAY_DIRECTORY : Kind.STRAY_FILE));
            return;
        }
        StreamId stream = StreamId.of(type, id.get());
        for (Path file : list(aggregateDir)) {
            String name = file.getFileName().toString();
            if (Files.isSymbolicLink(file)) {
                found.add(stray(file, Kind.SYMBOLIC_LINK));
            } else if (StoreLayout.isTemporary(name)) {
                found.add(new Found(file, Kind.TEMPORARY, Optional.of(stream), Optional.empty()));
            } else {
                Optional<StoreLayout.ParsedName> parsed = StoreLayout.parseEventFileName(name);
                Optional<StoreLayout.RangeName> range = StoreLayout.parseRangeFileName(name);
                boolean regular = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
                if (range.isPresent() && regular) {
                    found.add(new Found(file, Kind.RANGE, Optional.of(stream), Optional.empty(), range));
                    continue;
                }
                found.add(parsed.isPresent() && regular
                        ? new Found(file, Kind.EVENT, Optional.of(stream), parsed)
                        : stray(file, regular ? Kind.STRAY_FILE : Kind.STRAY_DIRECTORY));
            }
        }
    }

    private static Found stray(Path path, Kind kind) {
        return new Found(path, kind, Optional.empty(), Optional.empty());
    }

    private static boolean isDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Path> list(Path directory) throws IOException {
        var entries = new ArrayList<Path>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entries::add);
        }
        entries.sort(null);
        return entries;
    }
}
