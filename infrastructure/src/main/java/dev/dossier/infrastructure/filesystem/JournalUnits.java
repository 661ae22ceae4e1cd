package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.IndexEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How committed journal records are laid out in files: split at their commit marks into batches (each one
 * append to one aggregate), a batch into units (what one file holds), and each unit's path and bytes.
 * Touches no file; a unit is never empty.
 */
final class JournalUnits {
    private final StoreLayout layout;

    JournalUnits(StoreLayout layout) {
        this.layout = layout;
    }

    /** The records split at their commit marks: each batch is one append to one aggregate. */
    static List<List<Journal.Record>> batchesOf(List<Journal.Record> records) {
        var batches = new ArrayList<List<Journal.Record>>();
        var batch = new ArrayList<Journal.Record>();
        for (Journal.Record record : records) {
            batch.add(record);
            if (record.commit()) {
                batches.add(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(List.copyOf(batch));
        }
        return batches;
    }

    /**
     * How a batch is laid out in files: a batch of {@link RangeLines#BATCH_FROM} or more events is one
     * range file; a smaller batch is one event file per event.
     */
    static List<List<Journal.Record>> filesOf(List<Journal.Record> batch) {
        return batch.size() >= RangeLines.BATCH_FROM ? List.of(batch) : batch.stream().map(List::of).toList();
    }

    /** The file of a unit {@link #filesOf} made: an event file for one event, a range file for a batch. */
    Path fileOf(List<Journal.Record> batch) {
        IndexEntry first = batch.get(0).entry();
        if (batch.size() == 1) {
            return layout.eventFile(first.stream(), first.stamp(), first.eventType());
        }
        return layout.rangeFile(first.stream(), first.stamp(), batch.get(batch.size() - 1).entry().stamp());
    }

    /** The bytes of a unit {@link #filesOf} made: the event's file, or the range file's lines. */
    static byte[] contentOf(List<Journal.Record> batch) {
        if (batch.size() == 1) {
            return batch.get(0).file();
        }
        int room = 0;
        for (Journal.Record record : batch) {
            room += RangeLines.maxLength(record.file());
        }
        byte[] content = new byte[room];
        int at = 0;
        for (Journal.Record record : batch) {
            at = RangeLines.putLine(content, at, record.entry().stamp(), record.file());
        }
        return Arrays.copyOf(content, at);
    }
}
