package dev.dossier.infrastructure.filesystem;

/**
 * Where each line of a range file starts, and the version its first line holds: enough to read the lines
 * of a few versions without reading the whole file. A range file holds consecutive versions of one
 * aggregate, one per line, so version {@code firstVersion + i} is on line {@code i}. Learnt from a whole
 * read of the file; a reader checks the lines it then reads (their stamps) before it trusts them.
 *
 * @param firstVersion the version on the first line
 * @param starts       where each line starts, then the file's length (so {@code lines() + 1} values)
 */
record RangeMap(long firstVersion, int[] starts) {
    RangeMap {
        if (firstVersion < 1 || starts.length < 2) {
            throw new IllegalArgumentException("a range map needs a first version of 1 or more and a line");
        }
    }

    int lines() {
        return starts.length - 1;
    }

    /** Whether {@code version} is on one of the lines. */
    boolean holds(long version) {
        return version >= firstVersion && version - firstVersion < lines();
    }

    /** Where the line of {@code version} starts (call only when {@link #holds} it). */
    int startOf(long version) {
        return starts[(int) (version - firstVersion)];
    }

    /** Where the line of {@code version} ends, its newline included (call only when {@link #holds} it). */
    int endOf(long version) {
        return starts[(int) (version - firstVersion) + 1];
    }

    /** About how much memory this takes, for the read cache's budget. */
    long footprint() {
        return 4L * starts.length + 32;
    }
}
