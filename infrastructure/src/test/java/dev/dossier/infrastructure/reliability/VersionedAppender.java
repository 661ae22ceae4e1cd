package dev.dossier.infrastructure.reliability;

import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One writer of {@link ConcurrentAppendTest}: a bounded number of optimistic appends (read the current
 * version, append expecting exactly it) to a hot shared stream, a warm shared stream and a stream of its
 * own. Runs as a thread, or as a process ({@link #main}) that prints {@code OK position version
 * stream eventId} and {@code CONFLICT stream} lines.
 */
public final class VersionedAppender {
    static final StreamId HOT = StreamId.of("shared", "hot");
    static final StreamId WARM = StreamId.of("shared", "warm");

    /** Where a writer reports each outcome. */
    interface Outcomes {
        void recorded(RecordedEvent event);

        void conflicted(StreamId stream);
    }

    private VersionedAppender() {
    }

    static void run(EventStorePort store, String writer, int attempts, long seed, Outcomes outcomes) {
        var random = new Random(seed);
        StreamId own = StreamId.of("writer", writer);
        for (int i = 0; i < attempts; i++) {
            int pick = random.nextInt(4);
            StreamId stream = pick < 2 ? HOT : pick == 2 ? WARM : own;
            Version current = store.currentVersion(stream);
            List<NewEvent> batch = IntStream.rangeClosed(1, 1 + random.nextInt(3))
                    .mapToObj(n -> NewEvent.of("Counted", RawJson.of("{\"writer\":\"" + writer + "\",\"n\":" + n + "}")))
                    .toList();
            try {
                store.append(stream, ExpectedVersion.exactly(current), batch).events().forEach(outcomes::recorded);
            } catch (ConcurrencyConflictException e) {
                if (!e.stream().equals(stream) || !e.expected().equals(ExpectedVersion.exactly(current))) {
                    throw new AssertionError("the conflict names the wrong stream or version: " + e.getMessage());
                }
                outcomes.conflicted(stream);
            }
        }
    }

    /** {@code args}: store directory, writer name, attempts, seed. */
    public static void main(String[] args) {
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(Path.of(args[0]))
                .withDurability(Durability.OS_BUFFERED))) {
            run(store, args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]), new Outcomes() {
                @Override
                public void recorded(RecordedEvent e) {
                    out.println("OK " + e.position().value() + " " + e.version().value() + " " + e.stream().id().value()
                            + " " + e.stream().type().value() + " " + e.eventId());
                }

                @Override
                public void conflicted(StreamId stream) {
                    out.println("CONFLICT " + stream);
                }
            });
        }
        out.flush();
    }
}
