package dev.dossier.infrastructure.filesystem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Makes the store's daemon threads and waits for them to end. A thread made here inherits no
 * thread-local of the thread that happened to start it. Waiting on the threads made, rather than on the
 * executors that run them, also covers the moment between an executor counting as terminated and its
 * thread ending, so a host that counts its threads after a close finds none of ours. Thread-safe.
 */
final class DaemonThreads {
    private final List<Thread> made = new ArrayList<>();

    /** A factory of daemon threads named {@code name}, each remembered until {@link #joinAll}. */
    ThreadFactory named(String name) {
        return task -> make(task, name);
    }

    private synchronized Thread make(Runnable task, String name) {
        made.removeIf(thread -> thread.getState() == Thread.State.TERMINATED);
        Thread thread = new Thread(null, task, name, 0, false);
        thread.setDaemon(true);
        made.add(thread);
        return thread;
    }

    /**
     * Waits until every thread made so far has ended (stop their executors first). Never interrupts them;
     * an interrupt of the caller is kept for after the wait.
     */
    void joinAll() {
        List<Thread> ending;
        synchronized (this) {
            ending = List.copyOf(made);
            made.clear();
        }
        for (Thread thread : ending) {
            uninterruptibly(thread::join);
        }
    }

    /** A wait that an interrupt may cut short. */
    interface Wait {
        void run() throws InterruptedException;
    }

    /** Runs {@code wait} to its end, whatever interrupts come; the caller's interrupt is kept for afterwards. */
    static void uninterruptibly(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.run();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
