package dev.dossier.eventstore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a long-running command ({@code tail -f}) when to stop: on SIGINT or SIGTERM (a shutdown hook that
 * waits briefly for the command to close its store), or when its standard input is closed — watched only
 * when standard input is a pipe or a stream the caller supplied, never a terminal or {@code /dev/null}.
 */
final class StopSignal implements AutoCloseable {
    private static final long CLOSE_GRACE_MILLIS = 3_000;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopAndWait, "eventstore-stop");

    private StopSignal() {
    }

    static StopSignal install(CliStreams io) {
        var signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        if (io.in() != System.in || stdinIsPipe()) {
            Thread watcher = new Thread(() -> signal.watch(io.in()), "eventstore-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        return signal;
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code millis} or until a stop is requested. */
    void await(long millis) {
        try {
            requested.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requested.countDown();
        }
    }

    void request() {
        requested.countDown();
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down; the hook is running and returns now that we are finished.
        }
    }

    private void stopAndWait() {
        request();
        try {
            finished.await(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken standard input ends the command like a closed one.
        }
        request();
    }

    /** Whether the process's standard input is a pipe or socket (Linux; elsewhere: unknown, so no). */
    private static boolean stdinIsPipe() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
