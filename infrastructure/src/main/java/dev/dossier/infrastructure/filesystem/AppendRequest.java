package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EncodedEvent;
import java.util.List;

/** One caller's append waiting in the group-commit queue, and its outcome once a commit decided it. */
final class AppendRequest {
    final StreamId stream;
    final ExpectedVersion expected;
    final List<EncodedEvent> events;
    private volatile AppendResult result;
    private volatile RuntimeException failure;

    AppendRequest(StreamId stream, ExpectedVersion expected, List<EncodedEvent> events) {
        this.stream = stream;
        this.expected = expected;
        this.events = events;
    }

    boolean isDone() {
        return result != null || failure != null;
    }

    void succeed(AppendResult outcome) {
        result = outcome;
    }

    void fail(RuntimeException error) {
        if (!isDone()) {
            failure = error;
        }
    }

    /** The result, or the failure rethrown in the caller's thread. */
    AppendResult outcome() {
        if (failure != null) {
            failure.fillInStackTrace();
            throw failure;
        }
        return result;
    }
}
