package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one range file and checks every line: it is led by a stamp inside the file name's range, stamps
 * increase line by line, the first and last lines carry the name's stamps, and each line is an event of
 * the aggregate whose directory holds the file, with a timestamp that agrees with its stamp.
 */
final class RangeFileCheck {
    private final StoreLayout layout;
    private final EventFileCodec codec;

    RangeFileCheck(StoreLayout layout, EventFileCodec codec) {
        this.layout = layout;
        this.codec = codec;
    }

    /** The events of the lines that parsed (a problem is added for each that did not, or for the whole file). */
    List<CheckedEvent> check(StoreScanner.Found found, List<StoreProblem> problems) throws IOException {
        String path = layout.relative(found.path());
        StoreLayout.RangeName name = found.range().orElseThrow();
        RangeFile file;
        try {
            file = new RangeFile(found.path(), path, Files.readAllBytes(found.path()));
        } catch (CorruptDataException e) {
            problems.add(new StoreProblem(path, "the range file is empty or its last line has no newline (torn?)"));
            return List.of();
        }
        var events = new ArrayList<CheckedEvent>(file.lines());
        EventStamp previous = null;
        for (int i = 0; i < file.lines(); i++) {
            String where = path + " line " + (i + 1);
            Optional<EventStamp> stamp = file.stamp(i);
            if (stamp.isEmpty() || !name.covers(stamp.get()) || (previous != null && stamp.get().compareTo(previous) <= 0)) {
                problems.add(new StoreProblem(where, "the line must start with {\"stamp\":\"<20 digits>\", with a stamp"
                        + " above the previous line's and inside the file name's range"));
                continue;
            }
            previous = stamp.get();
            check(where, file.line(i), stamp.get(), found.stream().orElseThrow(), problems)
                    .ifPresent(events::add);
        }
        boolean endsMatch = file.stamp(0).filter(name.first()::equals).isPresent()
                && file.stamp(file.lines() - 1).filter(name.last()::equals).isPresent();
        if (!endsMatch) {
            problems.add(new StoreProblem(path, "the first and last lines do not carry the stamps the file name gives"));
        }
        return events;
    }

    private Optional<CheckedEvent> check(String where, byte[] line, EventStamp stamp, StreamId directory,
                                         List<StoreProblem> problems) {
        RecordedEvent event;
        try {
            event = codec.decode(where, line);
        } catch (CorruptDataException e) {
            problems.add(new StoreProblem(where, e.getMessage()));
            return Optional.empty();
        }
        if (!event.stream().equals(directory)) {
            problems.add(new StoreProblem(where, "the envelope names aggregate " + event.stream()
                    + ", but the file lies in the directory of " + directory));
        }
        if (!event.timestamp().equals(stamp.instant())) {
            problems.add(new StoreProblem(where, "the timestamp " + EventFileCodec.TIMESTAMP.format(event.timestamp())
                    + " does not match the line's stamp " + stamp.digits()));
        }
        return Optional.of(new CheckedEvent(where, stamp, event, CheckedEvent.IN_RANGE));
    }
}
