package dev.dossier.eventstore.testing;

/** Where a test's store lives. */
public enum StoreKind {
    /**
     * A filesystem store in a temporary directory of its own: a copy of the recording, exactly as it was
     * recorded (ids, versions, positions, timestamps, files).
     */
    FILESYSTEM,
    /**
     * An in-memory store, loaded by appending the recording's events one by one in their original order.
     * Event ids, types, schema versions, aggregate versions, timestamps (to the millisecond, as stored),
     * correlation and causation ids and metadata are kept; global positions are 1..N in the same order, as
     * in the recording. Events the test appends afterwards get the system clock's time.
     */
    IN_MEMORY
}
