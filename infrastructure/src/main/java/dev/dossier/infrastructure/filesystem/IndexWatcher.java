package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.port.CommitNotifications;
import dev.dossier.infrastructure.common.CommitSignal;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Notices commits made by other processes: watches {@code metadata/} for changes (a {@link WatchService})
 * and, as a fallback where notifications are slow or missing, looks at the index file every
 * {@link #POLL_MILLIS} ms. Whenever the index file's size or time changed, the listeners are called. One
 * daemon thread, {@code dossier-watch-<store>}, started by the first registration, stopped by {@link #close()}.
 */
final class IndexWatcher implements CommitNotifications, AutoCloseable {
    /** The polling fallback's period: the longest another process's commit goes unnoticed. */
    static final long POLL_MILLIS = Long.getLong("dossier.watch.pollMillis", 100);

    private final Path index;
    private final boolean useWatchService;
    private final CommitSignal listeners = new CommitSignal();
    private Thread thread;
    private WatchService service;
    private volatile boolean closed;
    private long lastSize = -1;
    private long lastModified = -1;

    IndexWatcher(Path index) {
        this(index, true);
    }

    /** With {@code useWatchService} false, only the polling fallback runs (as where notifications are missing). */
    IndexWatcher(Path index, boolean useWatchService) {
        this.index = index;
        this.useWatchService = useWatchService;
    }

    @Override
    public synchronized Registration onCommit(Runnable listener) {
        Registration registration = listeners.onCommit(listener);
        if (thread == null && !closed) {
            service = openService();
            changed();
            thread = new Thread(this::run, "dossier-watch-" + index.getParent().getParent().getFileName());
            thread.setDaemon(true);
            thread.start();
        }
        return registration;
    }

    private WatchService openService() {
        if (!useWatchService) {
            return null;
        }
        try {
            WatchService watch = index.getFileSystem().newWatchService();
            index.getParent().register(watch, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            return watch;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private void run() {
        while (!closed) {
            try {
                WatchKey key = service == null ? null : service.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (service == null) {
                    Thread.sleep(POLL_MILLIS);
                }
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                if (changed() && !closed) {
                    listeners.fire();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
        }
    }

    /** Whether the index file looks different from the last look. */
    private boolean changed() {
        long size;
        long modified;
        try {
            size = Files.size(index);
            modified = Files.getLastModifiedTime(index).toMillis();
        } catch (IOException e) {
            return false;
        }
        boolean changed = size != lastSize || modified != lastModified;
        lastSize = size;
        lastModified = modified;
        return changed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // the thread ends either way
            }
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
