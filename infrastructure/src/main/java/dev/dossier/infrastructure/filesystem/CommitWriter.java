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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write path, with group commit: appends from many threads queue up; whichever thread gets the
 * leader lock commits everything queued so far under the store's write lock. A commit appends the
 * group's events to the journal and forces it once (the commit point), then writes the event files and
 * index lines, which makes them visible; only then is any append of the group acknowledged. Every so many
 * events the {@link Checkpointer} seals the journal and forces the files and the index in the background.
 */
final class CommitWriter {
    private final FileStoreParts parts;
    private final StorePacker packer;
    private final ReentrantLock leader = new ReentrantLock();
    private final ConcurrentLinkedQueue<AppendRequest> queue = new ConcurrentLinkedQueue<>();
    private long eventsSinceRegistries;
    private volatile String readOnlyReason;

    CommitWriter(FileStoreParts parts) {
        this.parts = parts;
        this.packer = new StorePacker(parts, parts.options().packKeep());
    }

    /**
     * Packs every aggregate's older events, as the only writer, caught up first; checkpoints first, so that
     * no event of this process is held back because a journal still protects it.
     */
    PackReport pack() {
        PackReport[] report = {PackReport.EMPTY};
        exclusively(() -> {
            parts.checkpointer().drain();
            if (parts.journal().size() > 0) {
                parts.applier().checkpoint();
            }
            PackIntent.finish(parts.layout(), parts.files());
            report[0] = packer.packAll();
        });
        return report[0];
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

    /** Runs {@code action} as the only writer of the store (this JVM and other processes), caught up first. */
    void exclusively(IoAction action) {
        leader.lock();
        try (WriteLock.Held held = parts.lock().acquire()) {
            catchUp();
            action.run();
        } catch (IOException e) {
            throw new StorageException("update the store at " + parts.layout().root(), e);
        } finally {
            leader.unlock();
        }
    }

    interface IoAction {
        void run() throws IOException;
    }

    /** Reads what other processes committed, and redoes the work of any writer that crashed after its commit. */
    private void catchUp() throws IOException {
        parts.log().refresh();
        parts.log().truncateUncommitted(false);
        List<Journal.Record> fresh = parts.journal().readCommitted();
        parts.journal().cutUncommitted();
        if (!fresh.isEmpty() && fresh.get(fresh.size() - 1).entry().position() > parts.index().lastPosition()) {
            parts.applier().redo(fresh);
        }
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
        boolean committed = false;
        try (WriteLock.Held held = parts.lock().acquire()) {
            catchUp();
            var accepted = new ArrayList<AppendRequest>();
            var results = new ArrayList<List<PreparedEvent>>();
            List<List<Journal.Record>> batches = prepare(group, accepted, results);
            if (batches.isEmpty()) {
                return;
            }
            parts.journal().append(batches);
            committed = true;
            parts.applier().apply(batches);
            for (int i = 0; i < accepted.size(); i++) {
                accepted.get(i).succeed(resultOf(accepted.get(i), results.get(i)));
            }
            afterCommit(batches.stream().mapToInt(List::size).sum());
            packer.afterCommit(batches, parts.options().packEvery());
        } catch (IOException | RuntimeException e) {
            fail(group, e, committed);
        }
    }

    /** Orders each request after the index and the earlier requests of the group; conflicts fail alone. */
    private List<List<Journal.Record>> prepare(List<AppendRequest> group, List<AppendRequest> accepted,
                                               List<List<PreparedEvent>> results) {
        var overlay = new HashMap<StreamId, Optional<IndexEntry>>();
        long lastPosition = parts.index().lastPosition();
        Optional<EventStamp> lastStamp = parts.index().lastStamp();
        var batches = new ArrayList<List<Journal.Record>>();
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
            var records = new ArrayList<Journal.Record>(prepared.size());
            for (int i = 0; i < prepared.size(); i++) {
                byte[] bytes = parts.codec().encode(prepared.get(i).event());
                records.add(new Journal.Record(prepared.get(i).entry(bytes.length), i == prepared.size() - 1, bytes));
            }
            IndexEntry tail = records.get(records.size() - 1).entry();
            overlay.put(request.stream, Optional.of(tail));
            lastPosition = tail.position();
            lastStamp = Optional.of(tail.stamp());
            batches.add(records);
            accepted.add(request);
            results.add(prepared);
        }
        return batches;
    }

    private static AppendResult resultOf(AppendRequest request, List<PreparedEvent> prepared) {
        var events = prepared.stream().map(PreparedEvent::event).toList();
        return new AppendResult(request.stream, events.get(events.size() - 1).version(), events);
    }

    private void fail(List<AppendRequest> group, Exception cause, boolean committed) {
        if (committed) {
            readOnlyReason = "The event store " + parts.layout().root() + " stopped accepting appends: events were"
                    + " committed to its journal but could not be written out (" + cause + "). Reopen the store;"
                    + " opening it finishes the work.";
        } else if (!parts.journal().isConsistent()) {
            readOnlyReason = "The event store " + parts.layout().root() + " stopped accepting appends: a failed"
                    + " commit could not be undone (" + cause + "). Reopen the store to recover.";
        }
        RuntimeException error = committed
                ? new StorageException("write out events that were committed to the journal of "
                        + parts.layout().root() + " (they become visible when the store is reopened)", cause)
                : cause instanceof EventStoreException ese ? ese
                : new StorageException("append to the event store at " + parts.layout().root(), cause);
        group.forEach(r -> r.fail(error));
    }

    /** Checkpoints and refreshes the registries when due; a failure there leaves the commit standing. */
    private void afterCommit(int events) {
        try {
            parts.checkpointer().afterCommit();
        } catch (IOException | RuntimeException e) {
            // The journal (sealed or not) still protects every event; the checkpoint is tried again later.
        }
        eventsSinceRegistries += events;
        if (eventsSinceRegistries < parts.options().registryInterval()) {
            return;
        }
        try {
            parts.registries().write(parts.index());
            eventsSinceRegistries = 0;
        } catch (IOException | RuntimeException e) {
            // The registries are derived data: a failed refresh is retried later and at close, and a
            // stale file is rebuilt when the store opens.
        }
    }
}
