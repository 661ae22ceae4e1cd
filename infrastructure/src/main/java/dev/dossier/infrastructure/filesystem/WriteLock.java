package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.error.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store-wide write lock: a lock per store directory inside this JVM, and an OS file lock on
 * {@code metadata/write.lock} across processes. Every commit (and recovery) holds it; reads never do.
 * Store instances of one JVM on the same directory share one channel, because closing any channel of
 * a file drops the process's OS locks on it.
 */
final class WriteLock implements AutoCloseable {
    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private final Path key;
    private final Shared shared;
    private boolean closed;

    private WriteLock(Path key, Shared shared) {
        this.key = key;
        this.shared = shared;
    }

    static WriteLock open(Path lockFile, DurableFiles files) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        synchronized (OPEN) {
            Shared shared = OPEN.get(key);
            if (shared == null) {
                shared = new Shared(files.openReadWrite(lockFile));
                OPEN.put(key, shared);
            }
            shared.users++;
            return new WriteLock(key, shared);
        }
    }

    /** Blocks until this thread holds the store's write lock; close the result to release it. */
    Held acquire() {
        shared.threads.lock();
        try {
            return held(shared.channel.lock());
        } catch (IOException e) {
            shared.threads.unlock();
            throw new StorageException("take the store's write lock", e);
        } catch (RuntimeException e) {
            shared.threads.unlock();
            throw new StoreUnavailableException("the store's write lock could not be taken: " + e, e);
        }
    }

    /** This thread holds the store's write lock if no other thread or process holds it now; null otherwise. */
    Held tryAcquire() {
        if (!shared.threads.tryLock()) {
            return null;
        }
        try {
            FileLock fileLock = shared.channel.tryLock();
            if (fileLock == null) {
                shared.threads.unlock();
                return null;
            }
            return held(fileLock);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            shared.threads.unlock();
            return null;
        } catch (IOException e) {
            shared.threads.unlock();
            throw new StorageException("take the store's write lock", e);
        } catch (RuntimeException e) {
            shared.threads.unlock();
            throw e;
        }
    }

    /** The held lock: closing it releases {@code fileLock}, then this JVM's lock. */
    private Held held(FileLock fileLock) {
        return () -> {
            try {
                fileLock.release();
            } catch (IOException e) {
                throw new StorageException("release the store's write lock", e);
            } finally {
                shared.threads.unlock();
            }
        };
    }

    @Override
    public void close() {
        synchronized (OPEN) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.users == 0) {
                OPEN.remove(key);
                DurableFilesClose.quietly(shared.channel);
            }
        }
    }

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Shared {
        private final FileChannel channel;
        private final ReentrantLock threads = new ReentrantLock();
        private int users;

        private Shared(FileChannel channel) {
            this.channel = channel;
        }
    }

    private static final class DurableFilesClose {
        static void quietly(FileChannel channel) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing a lock file cannot lose data.
            }
        }
    }
}
