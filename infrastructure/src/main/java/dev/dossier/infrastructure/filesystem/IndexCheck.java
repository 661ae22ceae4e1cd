package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the commit log against the event files: every committed line names an event file, or a line of a
 * range file, that exists and whose envelope (and file size) match the line; stamps increase with
 * positions; every event file and range line is named by a line.
 */
final class IndexCheck {
    private final StoreLayout layout;

    IndexCheck(StoreLayout layout) {
        this.layout = layout;
    }

    /**
     * @param entries    the committed index entries, in position order
     * @param parsed     the event files that parsed, by relative path
     * @param eventFiles the relative paths of every file named like an event, parsed or not
     * @param rangeLines the events on lines of range files that parsed, by stamp
     */
    void check(List<IndexEntry> entries, Map<String, CheckedEvent> parsed, Set<String> eventFiles,
               Map<EventStamp, CheckedEvent> rangeLines, List<StoreProblem> problems) {
        String index = layout.relative(layout.index());
        var named = new HashSet<String>();
        var namedLines = new HashSet<EventStamp>();
        EventStamp previous = null;
        for (IndexEntry entry : entries) {
            String path = layout.relative(layout.eventFile(entry.stream(), entry.stamp(), entry.eventType()));
            named.add(path);
            if (previous != null && entry.stamp().compareTo(previous) <= 0) {
                problems.add(new StoreProblem(index, "the stamp of position " + entry.position()
                        + " does not follow the stamp of the position before it"));
            }
            previous = entry.stamp();
            if (!eventFiles.contains(path) && rangeLines.containsKey(entry.stamp())) {
                namedLines.add(entry.stamp());
                compare(entry, rangeLines.get(entry.stamp()), problems);
            } else if (!eventFiles.contains(path)) {
                problems.add(new StoreProblem(path, "the index names this committed event (position " + entry.position()
                        + ", " + entry.stream() + " version " + entry.version() + "), but the file is missing and no range file holds it"));
            } else if (parsed.containsKey(path)) {
                compare(entry, parsed.get(path), problems);
            }
        }
        rangeLines.forEach((stamp, line) -> {
            if (!namedLines.contains(stamp)) {
                problems.add(new StoreProblem(line.path(), "no committed index line names this event (stamp "
                        + stamp.digits() + ")"));
            }
        });
        for (String path : eventFiles) {
            if (!named.contains(path)) {
                problems.add(new StoreProblem(path, "no committed index line names this file (an append that never"
                        + " committed; the next writer that opens the store removes it)"));
            }
        }
    }

    private static void compare(IndexEntry entry, CheckedEvent file, List<StoreProblem> problems) {
        var differences = new ArrayList<String>();
        var event = file.event();
        differ(differences, "global position", event.position().value(), entry.position());
        differ(differences, "version", event.version().value(), entry.version());
        differ(differences, "event id", event.eventId(), entry.eventId());
        differ(differences, "schema version", event.schemaVersion(), entry.schemaVersion());
        if (file.bytes() != CheckedEvent.IN_RANGE) {
            differ(differences, "size in bytes", file.bytes(), entry.bytes());
        }
        differ(differences, "stamp", file.stamp(), entry.stamp());
        if (!differences.isEmpty()) {
            problems.add(new StoreProblem(file.path(), "the file does not match its index line (was it edited?): "
                    + String.join("; ", differences)));
        }
    }

    private static void differ(List<String> differences, String what, Object inFile, Object inIndex) {
        if (!inFile.equals(inIndex)) {
            differences.add(what + " is " + inFile + " in the file but " + inIndex + " in the index");
        }
    }
}
