package dev.dossier.eventstore.replay;

import dev.dossier.application.replay.EventFeed;
import dev.dossier.application.replay.EventSlicer;
import dev.dossier.application.replay.RecordingFilter;
import dev.dossier.application.replay.Slice;
import dev.dossier.domain.error.IncompatibleStoreException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.port.ReadAllEvents;
import dev.dossier.infrastructure.filesystem.RecordingWriter;
import dev.dossier.infrastructure.filesystem.StoreDirectory;
import dev.dossier.infrastructure.json.FieldMask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cuts recordings: self-contained slices of a store that are themselves Dossier stores (a directory, or
 * one zip file of it) with a manifest in {@code metadata/recording.json}. Events keep their ids, types,
 * schema versions, aggregate versions, timestamps, correlation and causation ids and metadata; their
 * global positions are renumbered 1..N in the original order (a store's positions are gapless). Only
 * reads the source.
 */
public final class Recordings {
    private Recordings() {
    }

    /**
     * Writes the slice of {@code source} that {@code options} select to {@code out}: a new or empty
     * directory, or (zipped) a file that does not exist yet.
     *
     * @throws IncompatibleStoreException when {@code out} is taken
     * @throws dev.dossier.domain.error.InvalidInputException when the source presents one stored event as
     *         several (an upcaster that splits); record from a store opened without it
     */
    public static RecordingManifest record(ReadAllEvents source, Path out, RecordingOptions options) {
        Slice slice = EventSlicer.slice(EventFeed.of(source), options.filter());
        var mask = new FieldMask(options.mask());
        List<RecordedEvent> events = slice.events().stream().map(mask::apply).toList();
        Path directory = options.zip() ? temporaryDirectory() : out;
        if (options.zip() && Files.exists(out)) {
            throw new IncompatibleStoreException(out.toString(), "the zip file already exists");
        }
        try {
            RecordingWriter.Written written = RecordingWriter.write(directory, events);
            var manifest = new RecordingManifest(options.source(), describe(options.filter()), Instant.now(),
                    written.events(), slice.matched().size(), !events.equals(slice.events()), written.sha256());
            ManifestFile.write(directory, manifest);
            if (options.zip()) {
                RecordingZip.zip(directory, out);
            }
            return manifest;
        } finally {
            if (options.zip()) {
                TemporaryDirectory.delete(directory);
            }
        }
    }

    /** The manifest of the recording at {@code path} (a directory or a zip). */
    public static RecordingManifest manifest(Path path) {
        try (OpenedRecording recording = OpenedRecording.open(path)) {
            return recording.manifest().orElseThrow(() -> new IncompatibleStoreException(path.toString(),
                    "it is a store, but not a recording (no " + ManifestFile.PATH + ")"));
        }
    }

    /**
     * Copies the recording or store at {@code path} (a directory, or a recording's zip, which is unpacked)
     * into {@code emptyDirectory}, which then is a store of its own; the source is only read. Migration
     * backups are left out.
     *
     * @return the recording's manifest; empty for a plain store
     * @throws IncompatibleStoreException when {@code path} is neither a store directory nor a recording zip
     */
    public static Optional<RecordingManifest> copy(Path path, Path emptyDirectory) {
        if (RecordingZip.isZip(path)) {
            RecordingZip.unzip(path, emptyDirectory);
        } else if (StoreDirectory.isStore(path)) {
            TemporaryDirectory.copy(path, emptyDirectory);
        }
        if (!StoreDirectory.isStore(emptyDirectory)) {
            throw new IncompatibleStoreException(path.toString(),
                    "it is neither a store directory nor a recording zip (no metadata/format.json)");
        }
        return ManifestFile.exists(emptyDirectory)
                ? Optional.of(ManifestFile.read(emptyDirectory)) : Optional.empty();
    }

    static Map<String, String> describe(RecordingFilter filter) {
        var map = new TreeMap<String, String>();
        filter.aggregateType().ifPresent(t -> map.put("type", t.value()));
        filter.aggregateId().ifPresent(i -> map.put("id", i.value()));
        filter.correlationId().ifPresent(c -> map.put("correlationId", c));
        filter.eventType().ifPresent(e -> map.put("eventType", e.value()));
        filter.since().ifPresent(s -> map.put("since", s.toString()));
        filter.until().ifPresent(u -> map.put("until", u.toString()));
        return map;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("dossier-recording-");
        } catch (IOException e) {
            throw new StorageException("create a temporary directory", e);
        }
    }
}
