package dev.dossier.infrastructure.filesystem;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One long read shared between its caller and the helper thread (see {@link ReadHelper}): its chunks,
 * claimed in order by whichever thread is free, their results, and the first failure in chunk order.
 * After a chunk fails, no later chunk is started.
 */
final class SharedRead<R> {
    private final int items;
    private final int chunkSize;
    private final int chunks;
    private final ReadHelper.Chunk<R> work;
    private final List<R>[] done;
    private final AtomicInteger next = new AtomicInteger();
    /** Set by whichever comes first: the helper starting, or the caller giving up on it. */
    private final AtomicBoolean helperClaimed = new AtomicBoolean();
    private final CountDownLatch helperDone = new CountDownLatch(1);
    private final ClassLoader callerLoader = Thread.currentThread().getContextClassLoader();
    private int failedChunk = Integer.MAX_VALUE;
    private Throwable failure;
    private boolean failedOnHelper;

    @SuppressWarnings("unchecked")
    SharedRead(int items, int chunkSize, ReadHelper.Chunk<R> work) {
        this.items = items;
        this.chunkSize = chunkSize;
        this.chunks = (items + chunkSize - 1) / chunkSize;
        this.work = work;
        this.done = (List<R>[]) new List<?>[chunks];
    }

    /** The caller's part: claims and does chunks until none is left or one has failed. */
    void work() {
        claim(false);
    }

    private void claim(boolean onHelper) {
        for (int c; (c = next.getAndIncrement()) < chunks; ) {
            try {
                done[c] = work.run(c * chunkSize, Math.min(items, (c + 1) * chunkSize));
            } catch (Throwable e) {
                next.set(chunks);
                fail(c, e, onHelper);
                return;
            }
        }
    }

    /**
     * The helper's part: like {@link #work()}, with the caller's context class loader; nothing once the
     * caller has given up on it.
     */
    void help() {
        if (!helperClaimed.compareAndSet(false, true)) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        thread.setContextClassLoader(callerLoader);
        try {
            claim(true);
        } finally {
            thread.setContextClassLoader(own);
            helperDone.countDown();
        }
    }

    /** Waits for the helper's last chunk, if it started; an interrupt is kept for after the wait. */
    void awaitHelper() {
        if (!helperClaimed.compareAndSet(false, true)) {
            DaemonThreads.uninterruptibly(helperDone::await);
        }
    }

    /** Throws the failure of the first chunk in order that failed, if any (call once both threads are done). */
    synchronized void throwFirstFailure() {
        if (failure == null) {
            return;
        }
        if (failedOnHelper) {
            failure.addSuppressed(new IllegalStateException("thrown on the helper thread while it shared this read"));
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }

    /** The chunks' results, in order (call once both threads are done and nothing failed). */
    List<List<R>> results() {
        return Arrays.asList(done);
    }

    private synchronized void fail(int chunk, Throwable e, boolean onHelper) {
        if (chunk < failedChunk) {
            failedChunk = chunk;
            failure = e;
            failedOnHelper = onHelper;
        }
    }
}
