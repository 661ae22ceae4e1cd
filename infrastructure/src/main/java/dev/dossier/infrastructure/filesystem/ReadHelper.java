package dev.dossier.infrastructure.filesystem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Shares a long read between the calling thread and one helper thread, {@code dossier-reader}: reading
 * small files and decoding their events keeps one core busy, and a machine has more. A read of more than
 * {@link #ALONE} items is cut into chunks of {@link #CHUNK} that both threads claim in turn, so the caller
 * never waits for a helper that is slow to start: it does every chunk left, then waits only for the one
 * the helper is on. The helper is a daemon thread, started when first needed and ended after {@link
 * #IDLE_SECONDS} without work or at {@link #close}; it binds payloads with the caller's context class
 * loader and inherits no thread-local of anyone. While it helps one read, other reads start alone, and it
 * joins each in turn when it is free (a read it reaches only after it ended costs it nothing). When chunks
 * fail, the failure of the first in order is thrown, as a read on one thread would. Thread-safe.
 */
final class ReadHelper {
    /** Items per chunk: large enough that claiming one costs nothing next to reading it. */
    static final int CHUNK = 256;
    /** Reads of up to this many items run on the calling thread alone. */
    static final int ALONE = 2 * CHUNK;
    /** A helper thread without work ends after this long. */
    static final int IDLE_SECONDS = 2;

    /** The work on the items from {@code from} (inclusive) to {@code to} (exclusive). */
    interface Chunk<R> {
        List<R> run(int from, int to);
    }

    private final DaemonThreads threads = new DaemonThreads();
    private final ThreadPoolExecutor helper = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), threads.named("dossier-reader"));

    ReadHelper() {
        helper.allowCoreThreadTimeOut(true);
    }

    /**
     * The results of {@code work} on {@code items} items, in their order: the chunks' results one after
     * another. A failure of any chunk is thrown here, on the calling thread (the first in order, when
     * several fail).
     */
    <R> List<R> run(int items, Chunk<R> work) {
        if (items <= ALONE) {
            return work.run(0, items);
        }
        SharedRead<R> shared = new SharedRead<>(items, CHUNK, work);
        boolean helping = offer(shared);
        shared.work();
        if (helping) {
            shared.awaitHelper();
        }
        shared.throwFirstFailure();
        var results = new ArrayList<R>(items);
        shared.results().forEach(results::addAll);
        return results;
    }

    /**
     * Ends the helper thread: a read it is helping finishes first. Returns once the thread has ended (an
     * interrupt of the calling thread is kept for after the wait). Later reads run on their own thread.
     */
    void close() {
        helper.shutdown();
        threads.joinAll();
    }

    private boolean offer(SharedRead<?> shared) {
        try {
            helper.execute(shared::help);
            return true;
        } catch (RejectedExecutionException | OutOfMemoryError e) {
            // Closed, or no thread could be made: this read runs alone.
            return false;
        }
    }
}
