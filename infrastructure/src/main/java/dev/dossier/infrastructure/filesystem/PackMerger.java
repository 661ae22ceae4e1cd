package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges a run of an aggregate's files into one range file, atomically ({@link PackIntent}): each event is
 * checked against its index entry first, so a merge never carries damage into a pack, and throws what that
 * check throws; the pack is written and added to the catalog, then the files it replaced are deleted, now
 * or in the background ({@link PackCleanup}). Throws {@link IOException} when a file cannot be written or
 * deleted; an interrupted merge is finished by the next pack or open. Use while holding the store's write
 * lock.
 */
final class PackMerger {
    private final FileStoreParts parts;
    private final PackCleanup cleanup;
    /** Checks events before they are packed: envelope and JSON, without binding payloads to classes. */
    private final EventFileCodec checker = new EventFileCodec(new PayloadCodec(EventTypeRegistry.empty(), Integer.MAX_VALUE));

    PackMerger(FileStoreParts parts, PackCleanup cleanup) {
        this.parts = parts;
        this.cleanup = cleanup;
    }

    /** Merges {@code units} into one range file; deletes what it replaced {@code later}, when it can. */
    PackReport merge(StreamId stream, List<PackUnit> units, boolean later) throws IOException {
        var entries = new ArrayList<IndexEntry>();
        var content = new ArrayList<byte[]>();
        var sources = new ArrayList<Path>();
        for (PackUnit unit : units) {
            entries.addAll(unit.entries());
            content.addAll(unit.lines(checker));
            sources.add(unit.file());
        }
        var name = new StoreLayout.RangeName(entries.get(0).stamp(), entries.get(entries.size() - 1).stamp());
        Path pack = parts.layout().rangeFile(stream, name.first(), name.last());
        byte[] intent = PackIntent.write(parts.layout(), parts.files(), pack, sources);
        parts.files().writeAtomically(pack, RangeLines.join(content));
        parts.files().syncDirectory(pack.getParent());
        parts.catalog().added(stream, name, pack);
        var report = new PackReport(1, entries.size(), sources.size(), 1);
        if (later && cleanup.deleteLater(pack, sources, intent)) {
            return report;
        }
        for (Path source : sources) {
            if (!source.equals(pack)) {
                Files.deleteIfExists(source);
            }
        }
        parts.files().syncDirectory(pack.getParent());
        PackIntent.clear(parts.layout(), parts.files());
        return report;
    }
}
