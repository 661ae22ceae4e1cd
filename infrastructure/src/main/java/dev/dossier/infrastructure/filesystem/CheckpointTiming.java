package dev.dossier.infrastructure.filesystem;

import java.util.concurrent.TimeUnit;

/**
 * When the checkpoint of a sealed journal is due. A fresh event file costs a force of its own (about 330 µs
 * here), and those forces compete with the journal's, which every append waits for; a file the operating
 * system has already written out (after about 30 seconds) forces in a fraction of that. So a checkpoint
 * waits, while the journal keeps every event safe, until the writer pauses, the sealed journal has aged,
 * or a third one is sealed; then it forces gently, one file at a time. Only when sealed journals pile up
 * (the gentle pace falls behind the writer), or the store closes, does it force many files at once. A
 * burst of appends up to about three checkpoints' worth is therefore never slowed by a checkpoint.
 *
 * @param gentlyFrom  this many sealed journals waiting make the oldest due, gently
 * @param maxWaiting  this many sealed journals waiting make the oldest due at once
 * @param idleNanos   the writer committing nothing for this long makes the oldest due, gently
 * @param maxAgeNanos a sealed journal this old is due, gently
 * @param waitsForSpare when the journal is full and its spare is still being made, the writer waits for the
 *                    spare and seals at once (every seal at a whole checkpoint, for tests that count them);
 *                    otherwise it goes on committing and seals at the first commit after the spare is ready,
 *                    waiting only once the journal holds two checkpoints' worth
 */
record CheckpointTiming(int gentlyFrom, int maxWaiting, long idleNanos, long maxAgeNanos, boolean waitsForSpare) {
    /**
     * Gently from three sealed journals, 50 ms without a commit, or 30 seconds; at once from four; the writer
     * does not wait for a spare journal before the journal holds two checkpoints' worth.
     */
    static final CheckpointTiming DEFAULT =
            new CheckpointTiming(3, 4, TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.SECONDS.toNanos(30), false);

    CheckpointTiming {
        if (gentlyFrom < 1 || maxWaiting < gentlyFrom || idleNanos < 0 || maxAgeNanos < 0) {
            throw new IllegalArgumentException("need 1 <= gentlyFrom <= maxWaiting and times not negative; got "
                    + gentlyFrom + ", " + maxWaiting + ", " + idleNanos + ", " + maxAgeNanos);
        }
    }

    /**
     * Whether the writer seals a journal of {@code size} events now: from a whole checkpoint's worth
     * ({@code interval}) when its spare is ready or the writer waits for spares; from two checkpoints' worth
     * in any case (then the writer waits for the spare). Otherwise the journal takes more events.
     */
    boolean seals(int size, int interval, boolean spareReady) {
        return size >= 2L * interval || (size >= interval && (spareReady || waitsForSpare));
    }

    /** How the oldest sealed journal's checkpoint runs now. */
    enum Due {
        /** Not yet: the writer is busy and the journal young. */
        NOT_YET,
        /** One file at a time: a third journal is sealed, the writer has paused, or the journal has aged. */
        GENTLY,
        /** Many files at once: sealed journals pile up, or the store is closing. */
        AT_ONCE
    }

    /**
     * @param waiting         sealed journals waiting, the oldest included
     * @param sinceLastCommit nanoseconds since the writer last committed
     * @param age             nanoseconds since the oldest was sealed
     * @param closing         whether the store is closing
     */
    Due due(int waiting, long sinceLastCommit, long age, boolean closing) {
        if (closing || waiting >= maxWaiting) {
            return Due.AT_ONCE;
        }
        if (waiting >= gentlyFrom || sinceLastCommit >= idleNanos || age >= maxAgeNanos) {
            return Due.GENTLY;
        }
        return Due.NOT_YET;
    }
}
