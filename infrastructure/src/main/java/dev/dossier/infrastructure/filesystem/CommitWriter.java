package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.error.EventStoreException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.error.StoreUnavailableException;
import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.PreparedEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write path, with group commit: appends from many threads queue up; whichever thread gets the
 * leader lock commits everything queued so far under the store's write lock. A commit writes each
 * event file (temporary name, force, rename), forces the directories that changed, then appends the
 * group's index lines and forces the index once. Only then is any append of the group acknowledged.
 */
final class CommitWriter {
    private final FileStoreParts parts;
    private final ReentrantLock leader = new ReentrantLock();
    private final ConcurrentLinkedQueue<AppendRequest> queue = new ConcurrentLinkedQueue<>();
    private final Set<StreamId> dirtyStreams = new LinkedHashSet<>();
    private long eventsSinceRegistries;
    private volatile String readOnlyReason;

    CommitWriter(FileStoreParts parts) {
        this.parts = parts;
    }

    AppendResult submit(AppendRequest request) {
        queue.add(request);
        leader.lock();
        try {
            if (!request.isDone()) {
                commit(drain());
            }
        } finally {
            leader.unlock();
        }
        return request.outcome();
    }

    /** Why the store stopped accepting writes, or empty while it accepts them. */
    Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    /** Runs {@code action} as the only writer of the store (this JVM and other processes). */
    void exclusively(IoAction action) {
        leader.lock();
        try (WriteLock.Held held = parts.lock().acquire()) {
            parts.log().refresh();
            action.run();
        } catch (IOException e) {
            throw new StorageException("update the store's metadata", e);
        } finally {
            leader.unlock();
        }
    }

    interface IoAction {
        void run() throws IOException;
    }

    private List<AppendRequest> drain() {
        var group = new ArrayList<AppendRequest>();
        for (AppendRequest next; (next = queue.poll()) != null; ) {
            group.add(next);
        }
        return group;
    }

    private void commit(List<AppendRequest> group) {
        if (readOnlyReason != null) {
            group.forEach(r -> r.fail(new StoreUnavailableException(readOnlyReason)));
            return;
        }
        var written = new ArrayList<Path>();
        try (WriteLock.Held held = parts.lock().acquire()) {
            parts.log().refresh();
            parts.log().truncateUncommitted(parts.files().syncs());
            cleanDirtyStreams();
            List<AppendRequest> accepted = new ArrayList<>();
            List<List<IndexEntry>> batches = writeEventFiles(group, accepted, written);
            if (!accepted.isEmpty()) {
                parts.log().append(batches, parts.files().syncs());
            }
            written.clear();
            for (int i = 0; i < accepted.size(); i++) {
                accepted.get(i).succeed(resultOf(accepted.get(i), pendingResults.get(i)));
            }
            eventsSinceRegistries += batches.stream().mapToInt(List::size).sum();
            maybeWriteRegistries();
        } catch (IOException | RuntimeException e) {
            fail(group, written, e);
        } finally {
            pendingResults.clear();
        }
    }

    private final List<List<PreparedEvent>> pendingResults = new ArrayList<>();

    private List<List<IndexEntry>> writeEventFiles(List<AppendRequest> group, List<AppendRequest> accepted,
                                                   List<Path> written) throws IOException {
        var overlay = new HashMap<StreamId, Optional<IndexEntry>>();
        long lastPosition = parts.index().lastPosition();
        Optional<EventStamp> lastStamp = parts.index().lastStamp();
        var changedDirectories = new LinkedHashSet<Path>();
        var batches = new ArrayList<List<IndexEntry>>();
        for (AppendRequest request : group) {
            Optional<IndexEntry> last = overlay.computeIfAbsent(request.stream, parts.index()::lastOf);
            List<PreparedEvent> prepared;
            try {
                prepared = parts.recorder().prepare(request.stream, request.expected, request.events, last,
                        lastPosition, lastStamp);
            } catch (ConcurrencyConflictException e) {
                request.fail(e);
                continue;
            }
            var entries = new ArrayList<IndexEntry>(prepared.size());
            for (PreparedEvent event : prepared) {
                Path file = parts.layout().eventFile(request.stream, event.stamp(), event.event().eventType());
                parts.files().createDirectories(parts.layout().root(), file.getParent(), changedDirectories);
                byte[] bytes = parts.codec().encode(event.event());
                written.add(file);
                parts.files().writeAtomically(file, bytes);
                changedDirectories.add(file.getParent());
                entries.add(event.entry(bytes.length));
            }
            IndexEntry tail = entries.get(entries.size() - 1);
            overlay.put(request.stream, Optional.of(tail));
            lastPosition = tail.position();
            lastStamp = Optional.of(tail.stamp());
            batches.add(entries);
            accepted.add(request);
            pendingResults.add(prepared);
        }
        for (Path directory : changedDirectories) {
            parts.files().syncDirectory(directory);
        }
        return batches;
    }

    private static AppendResult resultOf(AppendRequest request, List<PreparedEvent> prepared) {
        var events = prepared.stream().map(PreparedEvent::event).toList();
        return new AppendResult(request.stream, events.get(events.size() - 1).version(), events);
    }

    private void fail(List<AppendRequest> group, List<Path> written, Exception cause) {
        for (Path file : written) {
            if (!DurableFiles.deleteQuietly(file)) {
                group.forEach(r -> dirtyStreams.add(r.stream));
            }
        }
        if (!parts.log().isConsistent()) {
            readOnlyReason = "The event store " + parts.layout().root() + " stopped accepting appends: a failed"
                    + " commit could not be undone (" + cause + "). Close and reopen the store to recover.";
        }
        RuntimeException error = cause instanceof EventStoreException ese ? ese
                : new StorageException("append to the event store at " + parts.layout().root(), cause);
        group.forEach(r -> r.fail(error));
    }

    private void cleanDirtyStreams() throws IOException {
        for (var it = dirtyStreams.iterator(); it.hasNext(); ) {
            parts.recovery().removeLeftovers(parts.index(), it.next());
            it.remove();
        }
    }

    private void maybeWriteRegistries() {
        if (eventsSinceRegistries < parts.options().registryInterval()) {
            return;
        }
        try {
            parts.registries().write(parts.index());
            eventsSinceRegistries = 0;
        } catch (IOException | RuntimeException e) {
            // The registries are derived data: a failed refresh is retried later and at close, and a
            // stale file is rebuilt when the store opens. The commit itself has succeeded.
        }
    }
}
