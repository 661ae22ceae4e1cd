package dev.dossier.infrastructure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileStoreVerifier;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The consistency check run after every fault: opens the store on the real file system (which runs
 * recovery), reads every event, and checks that positions are exactly 1..N, that every stream's versions
 * are gapless and chained by previous event ids, that event ids are unique, that no temporary file is left
 * and that every event file on disk is one the index names. Then appends one event, proving the store
 * accepts writes again.
 */
public final class StoreAudit {
    private StoreAudit() {
    }

    /** Audits the store at {@code root} (a real path) and returns its events in position order. */
    public static List<RecordedEvent> check(Path root, Durability durability) {
        List<RecordedEvent> events;
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(durability))) {
            events = readEverything(store);
            checkOrder(events);
            checkFiles(root, events.size());
            var probe = StreamId.of("audit", "probe");
            long before = store.lastPosition();
            var written = store.append(probe, ExpectedVersion.any(), NewEvent.of("Probed", RawJson.of("{}")));
            assertThat(written.events().get(0).position()).isEqualTo(GlobalPosition.of(before + 1));
        }
        return events;
    }

    static List<RecordedEvent> readEverything(FileSystemEventStore store) {
        var all = new ArrayList<RecordedEvent>();
        for (List<RecordedEvent> page; !(page = store.readAll(GlobalPosition.of(all.size() + 1), 500)).isEmpty(); ) {
            all.addAll(page);
        }
        return all;
    }

    private static void checkOrder(List<RecordedEvent> events) {
        var ids = new HashSet<UUID>();
        Map<StreamId, RecordedEvent> lastOf = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent event = events.get(i);
            assertThat(event.position().value()).as("position of event %d", i + 1).isEqualTo(i + 1);
            assertThat(ids.add(event.eventId())).as("event id %s is unique", event.eventId()).isTrue();
            RecordedEvent previous = lastOf.put(event.stream(), event);
            long expectedVersion = previous == null ? 1 : previous.version().value() + 1;
            assertThat(event.version().value()).as("version of %s", event).isEqualTo(expectedVersion);
            assertThat(event.previousEventId()).isEqualTo(Optional.ofNullable(previous).map(RecordedEvent::eventId));
        }
    }

    private static void checkFiles(Path root, long events) {
        try (Stream<Path> paths = Files.walk(root)) {
            var files = paths.filter(Files::isRegularFile).map(root::relativize).toList();
            assertThat(files).as("no temporary file is left after reopen")
                    .noneMatch(p -> p.getFileName().toString().startsWith(".tmp-"));
            long eventFiles = files.stream().filter(p -> p.getNameCount() == 3 && !p.startsWith("metadata")
                    && p.getFileName().toString().endsWith(".json")).count();
            long rangeLines = 0;
            for (Path range : files.stream().filter(p -> p.getNameCount() == 3 && !p.startsWith("metadata")
                    && p.getFileName().toString().endsWith(".jsonl")).toList()) {
                rangeLines += Files.readAllLines(root.resolve(range)).size();
            }
            assertThat(eventFiles + rangeLines).as("every event on disk (event files, range file lines) is named by"
                    + " the index, once").isEqualTo(events);
            assertThat(FileStoreVerifier.at(root).verify().problems()).as("verify finds no problem").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
