package dev.dossier.infrastructure.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the {@code TRY}/{@code ACK} lines of a {@link ContinuousAppender} on a thread of its own, keeping
 * the batches tried and the events acknowledged (event id to global position).
 */
final class ChildOutput {
    private final List<List<UUID>> tried = new ArrayList<>();
    private final Map<UUID, Long> acknowledged = new HashMap<>();
    private final Thread reader;

    ChildOutput(InputStream stdout) {
        reader = new Thread(() -> readAll(stdout), "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll(InputStream stdout) {
        try (var lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                accept(line);
            }
        } catch (IOException e) {
            // The JDK closes the pipe once the killed process is reaped; lines not read by then are simply
            // not counted as acknowledged, which only makes the check weaker, never wrong.
        }
    }

    private synchronized void accept(String line) {
        String[] words = line.split(" ");
        var rest = Arrays.asList(words).subList(1, words.length);
        if (words[0].equals("TRY")) {
            tried.add(rest.stream().map(UUID::fromString).toList());
        } else if (words[0].equals("ACK")) {
            for (String event : rest) {
                int colon = event.indexOf(':');
                acknowledged.put(UUID.fromString(event.substring(colon + 1)), Long.parseLong(event.substring(0, colon)));
            }
            notifyAll();
        }
    }

    /** Waits until at least {@code count} events are acknowledged; false when the time ran out first. */
    synchronized boolean awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Waits for the end of the output (the process is dead). */
    void awaitEnd() throws InterruptedException {
        reader.join(10_000);
    }

    synchronized List<List<UUID>> tried() {
        return List.copyOf(tried);
    }

    synchronized Map<UUID, Long> acknowledged() {
        return Map.copyOf(acknowledged);
    }
}
