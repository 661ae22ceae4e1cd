package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.AppendResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The write path, with group commit ({@link GroupCommit}): appends from many threads queue up; the thread
 * that leads commits everything queued so far under the store's write lock. A commit appends the
 * group's events to the journal and forces it once (the commit point), then writes the event files and
 * index lines, which makes them visible; only then is any append of the group acknowledged. Every so many
 * events the {@link Checkpointer} seals the journal and forces the files and the index in the background.
 * A group is ordered and encoded by {@link PreparedGroup}; a failed commit is handled by {@link CommitFailures}.
 */
final class CommitWriter {
    private final FileStoreParts parts;
    private final StorePacker packer;
    private final GroupCommit groupCommit = new GroupCommit();
    private final CommitFailures failures;
    private long eventsSinceRegistries;

    CommitWriter(FileStoreParts parts) {
        this.parts = parts;
        this.packer = new StorePacker(parts, parts.options().packKeep(), this::tryExclusively);
        this.failures = new CommitFailures(parts.layout().root(), parts.journal());
    }

    /**
     * Packs every aggregate's older events, as the only writer, caught up first; checkpoints first, so that
     * no event of this process is held back because a journal still protects it.
     */
    PackReport pack() {
        PackReport[] report = {PackReport.EMPTY};
        exclusively(() -> {
            packer.cleanup().stop(false);
            try {
                parts.checkpointer().drain(false);
                if (parts.journal().size() > 0) {
                    parts.applier().checkpoint();
                }
                packer.cleanup().idle();
                PackIntent.finish(parts.layout(), parts.files());
                report[0] = packer.packAll();
            } finally {
                packer.cleanup().resume();
            }
        });
        return report[0];
    }

    /**
     * Commits {@code request}, with whatever else is queued when this thread leads; returns its result or
     * throws its failure (a conflict, a storage failure, or the store's read-only state).
     */
    AppendResult submit(AppendRequest request) {
        return groupCommit.submit(request, this::commit, failures::failUnknown);
    }

    /** At the close: the background deletions of automatic packs stop for good at their next slice. */
    void stopPacking() {
        packer.cleanup().stop(true);
    }

    /**
     * At the close, as the only writer: finishes what the background deletions of the last automatic pack left
     * (see {@link #stopPacking}). A failure leaves it to the next open.
     */
    void settlePacking() {
        try {
            packer.cleanup().idle();
        } catch (IOException | RuntimeException e) {
            // The next open finishes the pack.
        }
    }

    /** Why the store stopped accepting writes, or empty while it accepts them. */
    Optional<String> readOnlyReason() {
        return failures.readOnlyReason();
    }

    /** Runs {@code action} as the only writer of the store (this JVM and other processes), caught up first. */
    void exclusively(IoAction action) {
        groupCommit.lead(() -> {
            try (WriteLock.Held held = parts.lock().acquire()) {
                catchUp();
                action.run();
            } catch (IOException e) {
                throw new StorageException("update the store at " + parts.layout().root(), e);
            }
        });
    }

    /**
     * Like {@link #exclusively}, but only if no other thread leads the commits and no other thread or process
     * holds the write lock now: never waits. Returns whether {@code action} ran.
     */
    boolean tryExclusively(IoAction action) {
        if (failures.readOnlyReason().isPresent()) {
            throw new StorageException("update the store at " + parts.layout().root() + ": it is read-only",
                    new IOException(failures.readOnlyReason().get()));
        }
        boolean[] ran = {false};
        groupCommit.tryLead(() -> {
            try (WriteLock.Held held = parts.lock().tryAcquire()) {
                if (held != null) {
                    catchUp();
                    action.run();
                    ran[0] = true;
                }
            } catch (IOException e) {
                throw new StorageException("update the store at " + parts.layout().root(), e);
            }
        });
        return ran[0];
    }

    interface IoAction {
        void run() throws IOException;
    }

    /** Reads what other processes committed, and redoes the work of any writer that crashed after its commit. */
    private void catchUp() throws IOException {
        parts.log().catchUp(false);
        List<Journal.Record> fresh = parts.journal().readCommitted();
        parts.journal().cutUncommitted();
        if (!fresh.isEmpty() && fresh.get(fresh.size() - 1).entry().position() > parts.index().lastPosition()) {
            parts.applier().redo(fresh);
        }
    }

    private void commit(List<AppendRequest> group) {
        if (failures.refuseWhenReadOnly(group)) {
            return;
        }
        boolean committed = false;
        try (WriteLock.Held held = parts.lock().acquire()) {
            catchUp();
            PreparedGroup prepared = PreparedGroup.prepare(parts, group);
            if (prepared.isEmpty()) {
                return;
            }
            parts.journal().append(prepared.batches());
            committed = true;
            parts.applier().apply(prepared.batches());
            prepared.acknowledge();
            groupCommit.wakeDecided();
            afterCommit(prepared.eventCount());
            packer.afterCommit(prepared.batches(), parts.options().packEvery());
        } catch (IOException | RuntimeException e) {
            failures.fail(group, e, committed);
        }
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
            if (parts.checkpointer().refreshLater(() -> parts.registries().write(parts.index()))) {
                eventsSinceRegistries = 0;
            }
        } catch (IOException | RuntimeException e) {
            // The registries are derived data: a failed refresh is retried later and at close, and a
            // stale file is rebuilt when the store opens.
        }
    }
}
