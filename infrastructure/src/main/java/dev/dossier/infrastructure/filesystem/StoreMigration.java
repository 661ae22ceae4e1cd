package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.error.StoreUnavailableException;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.common.EventUpcaster;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.StoreIndex;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code eventstore migrate}: rewrites stored events at the current schema, on purpose (reads upcast
 * anyway; this only saves the upcasting work and lets other tools see current JSON). Each changed file is
 * first copied to {@code backup/<stamp>/<its path>} (with the old index), then replaced atomically;
 * events of a renamed type move to their new file name; the index is replaced atomically with lines that
 * carry the new types, schema versions and sizes, so {@code verify} passes afterwards. Split events stay
 * as stored. Run it while no other process has the store open: an open store holds the old index.
 */
public final class StoreMigration {
    static final String BACKUP = "backup";

    private final FileStoreOptions options;
    private final StoreLayout layout;
    private final DurableFiles files;

    private StoreMigration(FileStoreOptions options) {
        this.options = options;
        this.layout = new StoreLayout(options.root().toAbsolutePath().normalize());
        this.files = new DurableFiles(options.durability(), !options.sharedAccess(),
                layout.root().getFileSystem().supportedFileAttributeViews().contains("posix"));
    }

    /**
     * Migrates the store at {@code options.root()} to the schemas of {@code options.eventTypes()} and
     * {@code options.schemas()}. Nothing is changed when any event cannot be upcast.
     *
     * @throws dev.dossier.domain.error.SchemaEvolutionException when an upcaster is missing or fails
     * @throws StoreUnavailableException when another process appended while the migration started
     */
    public static MigrationReport migrate(FileStoreOptions options) {
        FileSystemEventStore.open(options).close();
        var migration = new StoreMigration(options);
        try (WriteLock lock = WriteLock.open(migration.layout.lock(), migration.files);
             WriteLock.Held held = lock.acquire()) {
            return migration.run();
        } catch (IOException e) {
            throw new StorageException("migrate the event store at " + migration.layout.root(), e);
        }
    }

    private MigrationReport run() throws IOException {
        if (Files.readAllLines(layout.journal()).size() > 1) {
            throw new StoreUnavailableException("The store at " + layout.root() + " was appended to while the"
                    + " migration started; stop the other processes using it and run migrate again.");
        }
        IndexFile index = IndexFile.read(layout);
        var raw = new EventFileCodec(new PayloadCodec(EventTypeRegistry.empty(), Integer.MAX_VALUE));
        var upcaster = new EventUpcaster(options.schemas(), new PayloadCodec(options.eventTypes(), Integer.MAX_VALUE));
        var plan = new ArrayList<Rewrite>();
        var located = new StoredLines(layout);
        int splits = 0;
        for (IndexFile.Line line : index.lines()) {
            StoredLines.Stored stored = located.find(line.entry());
            byte[] bytes = stored.bytes();
            List<RecordedEvent> read = upcaster.read(raw.decode(stored.name(), bytes));
            if (read.size() > 1) {
                splits++;
            }
            byte[] encoded = read.size() == 1 ? raw.encode(read.get(0)) : null;
            byte[] current = encoded == null ? bytes
                    : stored.inRange() ? RangeLines.line(line.entry().stamp(), encoded) : encoded;
            IndexEntry entry = encoded == null ? line.entry()
                    : entryOf(line.entry(), read.get(0), stored.inRange() ? line.entry().bytes() : encoded.length);
            plan.add(new Rewrite(line, stored.file(), stored.inRange(), bytes, current, entry));
        }
        List<Rewrite> changed = plan.stream().filter(Rewrite::changes).toList();
        if (changed.isEmpty()) {
            return new MigrationReport(layout.root(), plan.size(), 0, 0, splits, Optional.empty());
        }
        Path backup = layout.root().resolve(BACKUP).resolve(Timestamps.FORMAT.format(options.clock().instant())
                .replaceAll("[^0-9]", ""));
        copy(layout.index(), Files.readAllBytes(layout.index()), backup);
        var newIndex = new StoreIndex();
        var lines = new ByteArrayOutputStream();
        var codec = new IndexLineCodec();
        var ranges = new java.util.LinkedHashMap<Path, List<Rewrite>>();
        for (Rewrite rewrite : plan) {
            if (rewrite.inRange()) {
                ranges.computeIfAbsent(rewrite.file(), f -> new ArrayList<>()).add(rewrite);
            } else if (rewrite.changes()) {
                copy(rewrite.file(), rewrite.before(), backup);
                writeInPlace(layout.eventFile(rewrite.entry().stream(), rewrite.entry().stamp(),
                        rewrite.entry().eventType()), rewrite.after());
            }
            codec.write(lines, rewrite.entry(), rewrite.line().commit());
            newIndex.add(rewrite.entry());
        }
        for (var range : ranges.entrySet()) {
            if (range.getValue().stream().anyMatch(Rewrite::changes)) {
                copy(range.getKey(), Files.readAllBytes(range.getKey()), backup);
                writeInPlace(range.getKey(), RangeLines.join(range.getValue().stream().map(Rewrite::after).toList()));
            }
        }
        files.writeAtomically(layout.index(), lines.toByteArray());
        int renamed = 0;
        for (Rewrite rewrite : changed) {
            if (!rewrite.inRange() && !rewrite.entry().eventType().equals(rewrite.line().entry().eventType())) {
                Files.delete(rewrite.file());
                files.syncDirectory(rewrite.file().getParent());
                renamed++;
            }
        }
        new MetadataRegistries(layout, files, options.eventTypes(), options.clock()).write(newIndex);
        return new MigrationReport(layout.root(), plan.size(), changed.size(), renamed, splits, Optional.of(backup));
    }

    private static IndexEntry entryOf(IndexEntry old, RecordedEvent event, long bytes) {
        return new IndexEntry(old.position(), old.stamp(), old.stream(), old.version(), event.eventType(),
                event.schemaVersion(), old.eventId(), bytes);
    }

    private void copy(Path original, byte[] bytes, Path backup) throws IOException {
        Path target = backup.resolve(layout.root().relativize(original));
        files.createDirectories(layout.root(), target.getParent(), new ArrayList<>());
        files.writeAtomically(target, bytes);
    }

    private void writeInPlace(Path file, byte[] bytes) throws IOException {
        files.writeAtomically(file, bytes);
        files.syncDirectory(file.getParent());
    }

    /**
     * One indexed event: its line, its file (an event file, or the range file whose line it is), its bytes
     * (or line) before, and its bytes (or line) and index entry after.
     */
    private record Rewrite(IndexFile.Line line, Path file, boolean inRange, byte[] before, byte[] after,
                           IndexEntry entry) {
        boolean changes() {
            return !entry.equals(line.entry()) || !java.util.Arrays.equals(before, after);
        }
    }
}
