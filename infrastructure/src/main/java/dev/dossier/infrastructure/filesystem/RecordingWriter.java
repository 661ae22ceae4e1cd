package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.IncompatibleStoreException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.StoreIndex;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes already-recorded events into a new store directory as they are: same event ids, types, schema
 * versions, aggregate versions, timestamps, correlation and causation ids, metadata and payload bytes.
 * Only the global positions are renumbered 1..N in the given order, because the format requires them
 * gapless from 1 (a slice of a store usually leaves gaps). The append path is not used: it would assign
 * new positions and timestamps. The result is a complete store (marker, event files, index, an empty
 * journal, registries) that {@link FileStoreVerifier} accepts and {@link FileSystemEventStore#open} opens.
 */
public final class RecordingWriter {
    private RecordingWriter() {
    }

    /** What was written: the number of events and the SHA-256 (hex) of the event files' bytes in order. */
    public record Written(long events, String sha256) {
    }

    /**
     * Writes {@code events} (in global order, each aggregate's versions gapless from 1, stamps never going
     * back) as a new store at {@code root}, which must be missing or an empty directory.
     *
     * @throws InvalidInputException when the events are out of order, repeat a position or leave a version gap
     * @throws IncompatibleStoreException when {@code root} is not empty
     * @throws StorageException when a file cannot be written
     */
    public static Written write(Path root, List<RecordedEvent> events) {
        try {
            prepare(root);
            var layout = new StoreLayout(root.toAbsolutePath().normalize());
            var files = new DurableFiles(Durability.OS_BUFFERED, false,
                    root.getFileSystem().supportedFileAttributeViews().contains("posix"));
            Files.createDirectories(layout.metadata());
            Written written = writeEvents(layout, files, events);
            files.writeAtomically(layout.marker(), FormatMarker.create(Clock.systemUTC().instant()));
            return written;
        } catch (IOException e) {
            throw new StorageException("write the recording at " + root, e);
        }
    }

    private static void prepare(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IncompatibleStoreException(root.toString(), "a recording needs a new or empty directory");
                }
            }
        }
        Files.createDirectories(root);
    }

    private static Written writeEvents(StoreLayout layout, DurableFiles files, List<RecordedEvent> events)
            throws IOException {
        var codec = new EventFileCodec(new PayloadCodec(EventTypeRegistry.empty(), Integer.MAX_VALUE));
        var lines = new IndexLineCodec();
        var index = new StoreIndex();
        var out = new ByteArrayOutputStream();
        MessageDigest digest = sha256();
        EventStamp last = null;
        long previousSource = 0;
        var created = new ArrayList<Path>();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent source = events.get(i);
            if (source.position().value() <= previousSource) {
                throw new InvalidInputException("recording", "events must be in global order, one per position;"
                        + " position " + source.position() + " follows " + previousSource);
            }
            previousSource = source.position().value();
            RecordedEvent event = source.toBuilder().position(GlobalPosition.of(i + 1L)).build();
            Instant time = event.timestamp().truncatedTo(ChronoUnit.MILLIS);
            EventStamp stamp = EventStamp.next(time, last);
            if (!stamp.instant().equals(time)) {
                throw new InvalidInputException("recording", "event " + event.eventId()
                        + " is timed before the event that precedes it in global order");
            }
            last = stamp;
            byte[] bytes = codec.encode(event);
            var entry = new IndexEntry(i + 1L, stamp, event.stream(), event.version().value(), event.eventType(),
                    event.schemaVersion(), event.eventId(), bytes.length);
            try {
                index.add(entry);
            } catch (IllegalStateException e) {
                throw new InvalidInputException("recording", "each aggregate's versions must be gapless from 1: "
                        + e.getMessage());
            }
            digest.update(bytes);
            Path file = layout.eventFile(event.stream(), stamp, event.eventType());
            files.createDirectories(layout.root(), file.getParent(), created);
            files.writeDirect(file, bytes);
            lines.write(out, entry, i == events.size() - 1);
        }
        files.writeAtomically(layout.index(), out.toByteArray());
        JournalFiles.createIfMissing(layout.journal(), files, events.size());
        new MetadataRegistries(layout, files, EventTypeRegistry.empty(), Clock.systemUTC()).write(index);
        return new Written(events.size(), HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
