package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.error.EventSerializationException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.PreparedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * A commit group ready for the journal: the requests whose expected version held, each with its prepared
 * events (versions, positions, stamps assigned) and its batch of journal records (event files encoded).
 * The three lists are parallel; a request that conflicted is failed and left out.
 *
 * @param accepted the requests to commit, in order
 * @param prepared the prepared events of each accepted request
 * @param batches  the journal records of each accepted request, its last record carrying the commit mark
 */
record PreparedGroup(List<AppendRequest> accepted, List<List<PreparedEvent>> prepared,
                     List<List<Journal.Record>> batches) {

    /**
     * Orders each request of {@code group} after the index and the earlier requests of the group. A request
     * whose expected version does not hold, or whose payload does not fit its registered class, fails alone
     * (with its {@link ConcurrencyConflictException}, {@link EventSerializationException} or
     * {@link InvalidInputException}); any other exception of the recorder or the codec is thrown.
     */
    static PreparedGroup prepare(FileStoreParts parts, List<AppendRequest> group) {
        var accepted = new ArrayList<AppendRequest>();
        var results = new ArrayList<List<PreparedEvent>>();
        var overlay = new HashMap<StreamId, Optional<IndexEntry>>();
        long lastPosition = parts.index().lastPosition();
        Optional<EventStamp> lastStamp = parts.index().lastStamp();
        var batches = new ArrayList<List<Journal.Record>>();
        for (AppendRequest request : group) {
            Optional<IndexEntry> last = overlay.computeIfAbsent(request.stream, parts.index()::lastOf);
            List<PreparedEvent> prepared;
            var records = new ArrayList<Journal.Record>(request.events.size());
            try {
                prepared = parts.recorder().prepare(request.stream, request.expected, request.events, last,
                        lastPosition, lastStamp);
                for (int i = 0; i < prepared.size(); i++) {
                    byte[] bytes = parts.codec().encode(prepared.get(i).event());
                    records.add(new Journal.Record(prepared.get(i).entry(bytes.length), i == prepared.size() - 1,
                            bytes));
                }
            } catch (ConcurrencyConflictException | EventSerializationException | InvalidInputException e) {
                request.fail(e);
                continue;
            }
            IndexEntry tail = records.get(records.size() - 1).entry();
            overlay.put(request.stream, Optional.of(tail));
            lastPosition = tail.position();
            lastStamp = Optional.of(tail.stamp());
            batches.add(records);
            accepted.add(request);
            results.add(prepared);
        }
        return new PreparedGroup(accepted, results, batches);
    }

    /** Whether no request of the group is left to commit. */
    boolean isEmpty() {
        return batches.isEmpty();
    }

    /** How many events the group commits. */
    int eventCount() {
        return batches.stream().mapToInt(List::size).sum();
    }

    /** Hands each accepted request its result; call once the group is committed and written out. */
    void acknowledge() {
        for (int i = 0; i < accepted.size(); i++) {
            accepted.get(i).succeed(resultOf(accepted.get(i), prepared.get(i)));
        }
    }

    private static AppendResult resultOf(AppendRequest request, List<PreparedEvent> prepared) {
        var events = prepared.stream().map(PreparedEvent::event).toList();
        return new AppendResult(request.stream, events.get(events.size() - 1).version(), events);
    }
}
