package dev.dossier.benchmark;

import java.time.Instant;
import java.util.List;

/** One event store under test. Every append is durable when the subject was opened durable. */
interface Subject extends AutoCloseable {

    String name();

    /** Appends one event, expecting the aggregate to be at {@code expectedVersion}. */
    void append(String aggregateId, long expectedVersion, String eventType, String json);

    /** Appends a batch atomically, expecting the aggregate to be at {@code expectedVersion}. */
    void appendBatch(String aggregateId, long expectedVersion, String eventType, List<String> jsons);

    /** Loads an aggregate with its payloads parsed; returns the number of events. */
    int load(String aggregateId);

    /** Reads every event in global order with payloads parsed; returns the count. */
    long readAll();

    /** Events of one type, payloads parsed; returns the count. */
    int byType(String eventType);

    /** Events stamped in [from, to), payloads parsed; returns the count. */
    int byTime(Instant from, Instant to);

    /** Bytes on disk used by the store. */
    long diskBytes();

    /**
     * Compacts the store the way its user would to save space: Dossier packs every aggregate's events but
     * the last {@code keep} ({@code eventstore pack --keep}); SQLite runs {@code VACUUM}.
     */
    void compact(int keep);

    @Override
    void close();
}
