package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.IncompatibleStoreException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.StoreIndex;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Checks a whole store on disk and lists every problem with the path of the file concerned: event files
 * that do not parse or disagree with their path, versions with gaps or duplicates, file names out of
 * version order, global positions claimed twice, leftover temporary files, stray files, directories and
 * symbolic links, index lines that disagree with the files, and metadata registries that disagree with
 * the events. It changes nothing: it never opens the store (which would remove leftovers) and only takes
 * the write lock, so that no commit happens while it reads. Safe while other processes use the store.
 */
public final class FileStoreVerifier {
    private final StoreLayout layout;

    private FileStoreVerifier(Path root) {
        this.layout = new StoreLayout(root.toAbsolutePath().normalize());
    }

    public static FileStoreVerifier at(Path root) {
        return new FileStoreVerifier(root);
    }

    /**
     * Checks the store.
     *
     * @throws IncompatibleStoreException when the path is not a directory holding a store
     * @throws StorageException when the files cannot be read
     */
    public VerificationReport verify() {
        if (!StoreDirectory.isStore(layout.root())) {
            throw new IncompatibleStoreException(layout.root().toString(),
                    "there is no event store there (no metadata/format.json)");
        }
        var files = new DurableFiles(Durability.OS_BUFFERED, true,
                layout.root().getFileSystem().supportedFileAttributeViews().contains("posix"));
        awaitBackgroundDeletions();
        try (WriteLock lock = WriteLock.open(layout.lock(), files); WriteLock.Held held = lock.acquire()) {
            return check();
        } catch (IOException e) {
            throw new StorageException("verify the event store at " + layout.root(), e);
        }
    }

    /**
     * A live store deletes the files an automatic pack replaced in the background, a few at a time, each time
     * holding the write lock ({@code PackCleanup}). While that goes on (the number of those files left keeps
     * falling), this waits, up to 10 s, so that the check does not report the pack as unfinished; a pack
     * that makes no progress for 3 s is one a crash interrupted, or one a busy writer holds up, and is reported.
     */
    private void awaitBackgroundDeletions() {
        long start = System.nanoTime();
        long progressAt = start;
        int left = PackIntent.replacedLeft(layout);
        while (left >= 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)
                && System.nanoTime() - progressAt < TimeUnit.SECONDS.toNanos(3)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            int now = PackIntent.replacedLeft(layout);
            if (now != left) {
                progressAt = System.nanoTime();
            }
            left = now;
        }
    }

    private VerificationReport check() throws IOException {
        var problems = new ArrayList<StoreProblem>();
        checkMarker(problems);
        checkMetadataLeftovers(problems);
        var codec = new EventFileCodec(new PayloadCodec(EventTypeRegistry.empty(), Integer.MAX_VALUE));
        var fileCheck = new EventFileCheck(layout, codec);
        var rangeCheck = new RangeFileCheck(layout, codec);
        var rangeLines = new HashMap<EventStamp, CheckedEvent>();
        long rangeFiles = 0;
        var byStream = new TreeMap<StreamId, List<CheckedEvent>>();
        var directories = new LinkedHashMap<StreamId, String>();
        var parsed = new LinkedHashMap<String, CheckedEvent>();
        Set<String> eventFiles = new HashSet<>();
        for (StoreScanner.Found found : new StoreScanner(layout).scan()) {
            String path = layout.relative(found.path());
            switch (found.kind()) {
                case EVENT -> {
                    eventFiles.add(path);
                    StreamId stream = found.stream().orElseThrow();
                    directories.putIfAbsent(stream, layout.relative(found.path().getParent()));
                    fileCheck.check(found, problems).ifPresent(event -> {
                        parsed.put(path, event);
                        byStream.computeIfAbsent(stream, s -> new ArrayList<>()).add(event);
                    });
                }
                case RANGE -> {
                    rangeFiles++;
                    StreamId stream = found.stream().orElseThrow();
                    directories.putIfAbsent(stream, layout.relative(found.path().getParent()));
                    for (CheckedEvent event : rangeCheck.check(found, problems)) {
                        rangeLines.put(event.stamp(), event);
                        byStream.computeIfAbsent(stream, s -> new ArrayList<>()).add(event);
                    }
                }
                case TEMPORARY -> problems.add(new StoreProblem(path, "a leftover temporary file of an interrupted"
                        + " write (the next writer that opens the store removes it)"));
                case STRAY_FILE -> problems.add(new StoreProblem(path, "a stray file: the store format has no place for it"));
                case STRAY_DIRECTORY -> problems.add(new StoreProblem(path,
                        "a stray directory: its name is not an encoded aggregate type or id the store would write"));
                case SYMBOLIC_LINK -> problems.add(new StoreProblem(path, "a symbolic link; the store never follows links"));
            }
        }
        var streams = new StreamCheck();
        byStream.forEach((stream, events) -> streams.check(stream, directories.get(stream), events, problems));
        List<IndexEntry> entries = readIndex(problems);
        new IndexCheck(layout).check(entries, parsed, eventFiles, rangeLines, problems);
        new RegistryCheck(layout).check(entries, problems);
        return new VerificationReport(layout.root(), eventFiles.size(), rangeFiles, entries.size(), problems);
    }

    private void checkMarker(List<StoreProblem> problems) throws IOException {
        try {
            FormatMarker.check(layout.marker(), layout.root().toString());
        } catch (IncompatibleStoreException e) {
            problems.add(new StoreProblem(layout.relative(layout.marker()), e.getMessage()));
        }
    }

    private void checkMetadataLeftovers(List<StoreProblem> problems) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.metadata())) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().equals(PackIntent.FILE)) {
                    problems.add(new StoreProblem(layout.relative(entry), "an interrupted pack (the next writer"
                            + " that opens the store finishes it)"));
                }
                if (StoreLayout.isTemporary(entry.getFileName().toString())) {
                    problems.add(new StoreProblem(layout.relative(entry),
                            "a leftover temporary file of an interrupted metadata write"));
                }
            }
        }
    }

    /** The committed index entries, up to the first unreadable line (which is reported). */
    private List<IndexEntry> readIndex(List<StoreProblem> problems) throws IOException {
        var index = new StoreIndex();
        String path = layout.relative(layout.index());
        if (!Files.isRegularFile(layout.index(), LinkOption.NOFOLLOW_LINKS)) {
            problems.add(new StoreProblem(path, "the index is missing (opening the store rebuilds it from the event files)"));
            return List.of();
        }
        try (var log = new IndexLog(FileChannel.open(layout.index(), StandardOpenOption.READ), path, index)) {
            log.refresh();
            long size = Files.size(layout.index());
            if (size > log.committedEnd()) {
                problems.add(new StoreProblem(path, "the last " + (size - log.committedEnd()) + " bytes are an"
                        + " uncommitted (torn) write; the next writer cuts them off"));
            }
        } catch (dev.dossier.domain.error.CorruptDataException e) {
            problems.add(new StoreProblem(path, e.getMessage()));
        }
        return index.from(1, Integer.MAX_VALUE);
    }
}
