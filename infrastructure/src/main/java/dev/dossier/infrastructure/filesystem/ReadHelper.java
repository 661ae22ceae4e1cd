package dev.dossier.infrastructure.filesystem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shares a large read between the calling thread and one helper thread, {@code dossier-reader}: reading
 * small files and decoding their events keeps one core busy, and a machine has more. The work is cut into
 * chunks of {@link #CHUNK} items that both threads claim in turn, so the caller never waits for a helper
 * that is slow to start: it does every chunk left, then waits only for the one the helper is doing. The
 * helper is a daemon thread, started when first needed and ended after {@link #IDLE_SECONDS} without work
 * or at {@link #close}; while it helps one read, other reads run on their own thread alone. Thread-safe.
 */
final class ReadHelper {
    /** Items per chunk: large enough that claiming one costs nothing next to reading it. */
    static final int CHUNK = 256;
    /** A helper thread without work ends after this long. */
    static final int IDLE_SECONDS = 2;

    /** The work on the items from {@code from} (inclusive) to {@code to} (exclusive). */
    interface Chunk<R> {
        List<R> run(int from, int to);
    }

    private final ThreadPoolExecutor helper = new ThreadPoolExecutor(0, 1, IDLE_SECONDS, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "dossier-reader");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * The results of {@code work} on {@code items} items, in their order: the chunks' results one after
     * another. A failure of any chunk is thrown here, on the calling thread.
     */
    <R> List<R> run(int items, Chunk<R> work) {
        int chunks = (items + CHUNK - 1) / CHUNK;
        if (chunks < 2) {
            return work.run(0, items);
        }
        Shared<R> shared = new Shared<>(items, chunks, work);
        boolean helping = offer(shared);
        shared.work();
        if (helping) {
            shared.awaitHelper();
        }
        var results = new ArrayList<R>(items);
        for (List<R> part : shared.done) {
            results.addAll(part);
        }
        return results;
    }

    /**
     * Ends the helper thread and returns once it has ended (it finishes the chunk it is on, if any), or when
     * this thread is interrupted; later reads run on their own thread alone.
     */
    void close() {
        helper.shutdown();
        try {
            helper.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean offer(Shared<?> shared) {
        try {
            helper.execute(shared::help);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** One read shared between its caller and the helper. */
    private static final class Shared<R> {
        private final int items;
        private final int chunks;
        private final Chunk<R> work;
        private final List<R>[] done;
        private final AtomicInteger next = new AtomicInteger();
        /** Set by whichever comes first: the helper starting, or the caller giving up on it. */
        private final AtomicBoolean helperClaimed = new AtomicBoolean();
        private final CountDownLatch helperDone = new CountDownLatch(1);
        private volatile Throwable helperFailure;

        @SuppressWarnings("unchecked")
        Shared(int items, int chunks, Chunk<R> work) {
            this.items = items;
            this.chunks = chunks;
            this.work = work;
            this.done = (List<R>[]) new List<?>[chunks];
        }

        /** Claims and does chunks until none is left; on a failure, leaves the rest to no one. */
        void work() {
            try {
                for (int c; (c = next.getAndIncrement()) < chunks; ) {
                    done[c] = work.run(c * CHUNK, Math.min(items, (c + 1) * CHUNK));
                }
            } catch (RuntimeException | Error e) {
                next.set(chunks);
                throw e;
            }
        }

        void help() {
            if (!helperClaimed.compareAndSet(false, true)) {
                return;
            }
            try {
                work();
            } catch (Throwable e) {
                helperFailure = e;
            } finally {
                helperDone.countDown();
            }
        }

        /** Waits for the helper's last chunk, if it started; throws its failure. */
        void awaitHelper() {
            if (helperClaimed.compareAndSet(false, true)) {
                return;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    helperDone.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable failure = helperFailure;
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }
}
