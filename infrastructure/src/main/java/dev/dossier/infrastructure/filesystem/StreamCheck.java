package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.StreamId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Checks the event files of one aggregate together: versions run 1..N without gap or duplicate, file
 * names (stamps) increase with versions, and each event's previousEventId is its predecessor's id.
 * Also checks that global positions are unique across the whole store.
 */
final class StreamCheck {
    private final Map<Long, String> pathByPosition = new HashMap<>();

    void check(StreamId stream, String directory, List<CheckedEvent> files, List<StoreProblem> problems) {
        var byStamp = new ArrayList<>(files);
        byStamp.sort(Comparator.comparing(CheckedEvent::stamp));
        var byVersion = new TreeMap<Long, List<CheckedEvent>>();
        for (int i = 0; i < byStamp.size(); i++) {
            CheckedEvent file = byStamp.get(i);
            byVersion.computeIfAbsent(file.event().version().value(), v -> new ArrayList<>()).add(file);
            if (i > 0 && file.event().version().compareTo(byStamp.get(i - 1).event().version()) <= 0) {
                problems.add(new StoreProblem(file.path(), "its name sorts after " + byStamp.get(i - 1).path()
                        + ", but its version " + file.event().version() + " is not higher"));
            }
            String other = pathByPosition.putIfAbsent(file.event().position().value(), file.path());
            if (other != null) {
                problems.add(new StoreProblem(file.path(), "global position " + file.event().position()
                        + " is also claimed by " + other));
            }
        }
        long highest = byVersion.isEmpty() ? 0 : byVersion.lastKey();
        for (long version = 1; version <= highest; version++) {
            List<CheckedEvent> same = byVersion.get(version);
            if (same == null) {
                problems.add(new StoreProblem(directory, "version " + version + " of " + stream
                        + " has no event file (the aggregate has files up to version " + highest + ")"));
            } else if (same.size() > 1) {
                problems.add(new StoreProblem(same.get(1).path(), "version " + version + " of " + stream
                        + " appears in " + same.size() + " files: " + same.stream().map(CheckedEvent::path).toList()));
            } else {
                checkPrevious(same.get(0), Optional.ofNullable(byVersion.get(version - 1)), problems);
            }
        }
    }

    private static void checkPrevious(CheckedEvent file, Optional<List<CheckedEvent>> before, List<StoreProblem> problems) {
        Optional<UUID> expected = before.filter(l -> l.size() == 1).map(l -> l.get(0).event().eventId());
        if (file.event().version().value() == 1 || expected.isPresent()) {
            if (!file.event().previousEventId().equals(expected)) {
                problems.add(new StoreProblem(file.path(), "previousEventId is "
                        + file.event().previousEventId().map(UUID::toString).orElse("null")
                        + ", but the previous version's event id is " + expected.map(UUID::toString).orElse("none")));
            }
        }
    }
}
