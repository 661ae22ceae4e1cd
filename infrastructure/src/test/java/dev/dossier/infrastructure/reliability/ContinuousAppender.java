package dev.dossier.infrastructure.reliability;

import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The process {@link KilledProcessTest} kills: opens the store at {@code args[0]} with durability
 * {@code args[1]} and appends forever from {@code args[2]} threads, single events and batches, to shared and
 * to per-thread streams. Before each append it prints {@code TRY id id ...}; after the append returned,
 * {@code ACK position:id ...}. Only a complete {@code ACK} line counts as acknowledged.
 */
public final class ContinuousAppender {
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
    private static java.nio.channels.FileChannel tries;

    private ContinuousAppender() {
    }

    public static void main(String[] args) {
        var store = FileSystemEventStore.open(FileStoreOptions.at(Path.of(args[0]))
                .withDurability(FileStoreOptions.parseDurability(args[1])).withRegistryInterval(50));
        int threads = Integer.parseInt(args[2]);
        String process = Long.toString(ProcessHandle.current().pid());
        try {
            tries = java.nio.channels.FileChannel.open(triesLog(Path.of(args[0])), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int t = 0; t < threads; t++) {
            StreamId own = StreamId.of("worker", process + "-" + t);
            new Thread(() -> appendForever(store, own), "appender-" + t).start();
        }
    }

    private static void appendForever(FileSystemEventStore store, StreamId own) {
        var random = ThreadLocalRandom.current();
        while (true) {
            StreamId stream = random.nextBoolean() ? own : StreamId.of("shared", "s" + random.nextInt(3));
            List<NewEvent> batch = IntStream.range(0, random.nextInt(4) == 0 ? 1 + random.nextInt(8) : 1)
                    .mapToObj(i -> NewEvent.of("Appended", RawJson.of("{\"i\":" + i + ",\"pad\":\""
                            + "p".repeat(random.nextInt(300)) + "\"}")))
                    .toList();
            tried("TRY " + batch.stream().map(e -> e.eventId().toString()).collect(Collectors.joining(" ")));
            AppendResult result = store.append(stream, ExpectedVersion.any(), batch);
            print("ACK " + result.events().stream().map(ContinuousAppender::describe).collect(Collectors.joining(" ")));
        }
    }

    private static String describe(RecordedEvent event) {
        return event.position().value() + ":" + event.eventId();
    }

    /**
     * The log of every batch tried, beside the store. Written straight to the file before the append, so it
     * survives the SIGKILL (the page cache keeps it) even when the pipe to the test loses its last lines.
     */
    static Path triesLog(Path root) {
        return root.resolveSibling(root.getFileName() + "-tries.log");
    }

    private static synchronized void tried(String line) {
        try {
            var buffer = java.nio.ByteBuffer.wrap((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                tries.write(buffer);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        OUT.println(line);
    }

    private static synchronized void print(String line) {
        OUT.println(line);
    }
}
