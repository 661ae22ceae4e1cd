package dev.dossier.infrastructure.common;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The index's lock: runs a body holding the read lock (many readers at once) or the write lock (alone),
 * and returns what the body returns or throws what it throws, the lock released either way. Reentrant: a
 * body may take the read lock again.
 */
final class IndexLock {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> body) {
        lock.writeLock().lock();
        try {
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
