package dev.dossier.infrastructure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four threads of this JVM and two other processes append with expected versions to the same and to
 * different streams while a reader follows global positions page by page. Afterwards: every event a writer
 * was told is recorded is there at the version and position it was told, nothing else is, every failed
 * attempt was a {@link dev.dossier.domain.error.ConcurrencyConflictException}, and the reader saw exactly
 * the final sequence, in order, without a gap.
 */
class ConcurrentAppendTest {
    private static final int THREADS = 4;
    private static final int PROCESSES = 2;
    private static final int ATTEMPTS = 150;

    @TempDir
    Path dir;

    private record Recorded(long position, long version, StreamId stream) {
    }

    @Test
    void threads_and_processes_appending_with_expected_versions_lose_nothing_and_a_following_reader_skips_nothing()
            throws Exception {
        Path root = dir.resolve("store");
        var store = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED));
        Map<UUID, Recorded> recorded = new ConcurrentHashMap<>();
        Map<StreamId, AtomicLong> conflicts = new ConcurrentHashMap<>();
        var writersDone = new AtomicBoolean();
        List<UUID> seen = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> follow(store, writersDone, seen));

        List<Process> children = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<CompletableFuture<List<String>>> childLines = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                Process child = ChildJvm.start(VersionedAppender.class, root.toString(), "process-" + p,
                        Integer.toString(ATTEMPTS), Long.toString(p));
                children.add(child);
                childLines.add(CompletableFuture.supplyAsync(() -> new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).lines().toList()));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int writer = t;
                writers.add(threads.submit(() -> VersionedAppender.run(store, "thread-" + writer, ATTEMPTS, 100 + writer,
                        new VersionedAppender.Outcomes() {
                            @Override
                            public void recorded(RecordedEvent e) {
                                recorded.put(e.eventId(), new Recorded(e.position().value(), e.version().value(), e.stream()));
                            }

                            @Override
                            public void conflicted(StreamId stream) {
                                conflicts.computeIfAbsent(stream, s -> new AtomicLong()).incrementAndGet();
                            }
                        })));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
            for (int p = 0; p < PROCESSES; p++) {
                assertThat(children.get(p).waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(children.get(p).exitValue()).as("process %d exit code", p).isZero();
                for (String line : childLines.get(p).get(10, TimeUnit.SECONDS)) {
                    String[] w = line.split(" ");
                    if (w[0].equals("OK")) {
                        recorded.put(UUID.fromString(w[5]), new Recorded(Long.parseLong(w[1]), Long.parseLong(w[2]),
                                StreamId.of(w[4], w[3])));
                    } else {
                        conflicts.computeIfAbsent(StreamId.of("shared", w[1].substring("shared/".length())),
                                s -> new AtomicLong()).incrementAndGet();
                    }
                }
            }
            writersDone.set(true);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            writersDone.set(true);
            threads.shutdownNow();
            children.forEach(Process::destroyForcibly);
        }
        store.close();

        List<RecordedEvent> all = StoreAudit.check(root, Durability.OS_BUFFERED).stream()
                .filter(e -> !e.stream().type().value().equals("audit")).toList();
        assertThat(all).hasSameSizeAs(recorded.keySet());
        for (RecordedEvent event : all) {
            assertThat(recorded.get(event.eventId())).as("what the writer of %s was told", event.eventId())
                    .isEqualTo(new Recorded(event.position().value(), event.version().value(), event.stream()));
        }
        assertThat(seen).as("the following reader saw every event once, in order")
                .containsExactlyElementsOf(all.stream().map(RecordedEvent::eventId).toList());
        assertThat(conflicts.keySet()).as("only shared streams ever conflict")
                .allMatch(s -> s.equals(VersionedAppender.HOT) || s.equals(VersionedAppender.WARM));
        long conflictCount = conflicts.values().stream().mapToLong(AtomicLong::get).sum();
        assertThat(conflictCount).as("contention on the hot stream produced conflicts").isPositive();
        System.out.printf("[reliability] concurrency: %d threads + %d processes, %d events recorded, %d conflicts"
                + " reported (%s), reader saw %d events, 0 skipped%n", THREADS, PROCESSES, all.size(), conflictCount,
                conflicts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")),
                seen.size());
    }

    /** Reads all events from the last position seen + 1 until the writers are done and it has caught up. */
    private static void follow(FileSystemEventStore store, AtomicBoolean writersDone, List<UUID> seen) {
        long last = 0;
        while (true) {
            boolean done = writersDone.get();
            List<RecordedEvent> page = store.readAll(GlobalPosition.of(last + 1), 50);
            for (RecordedEvent event : page) {
                assertThat(event.position().value()).as("the page continues where the last one ended").isEqualTo(last + 1);
                seen.add(event.eventId());
                last++;
            }
            if (page.isEmpty() && done) {
                return;
            }
            if (page.isEmpty()) {
                LockSupport.parkNanos(100_000); // polling: nothing notifies a reader of another process's commit
            }
        }
    }
}
