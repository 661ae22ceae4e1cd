package dev.dossier.infrastructure.faults;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts every operation of a {@link FaultyFileSystem} (1, 2, 3, ... across all kinds) and decides which
 * one fails: the single operation number {@link #failAt}, or, after {@link #fillDiskAt}, every operation
 * that needs space until {@link #freeDisk()}; {@link #failCleanUp} makes the clean-up after a failure fail too. Failures alternate between "No space left on device"
 * ({@link FileSystemException}) and a plain I/O error. Thread-safe.
 */
public final class Faults {
    private final List<OperationListener> listeners = new ArrayList<>();
    private final Map<Op, Long> perKind = new EnumMap<>(Op.class);
    private long count;
    private long failAt;
    private long diskFullFrom;
    private long injected;
    private java.util.Set<Op> cleanUpFailures = java.util.Set.of();

    /** Told about every operation before it runs. */
    public interface OperationListener {
        void before(long index, Op op, Path path);
    }

    public synchronized Faults listen(OperationListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Fails only the operation with this number (1-based); 0 fails none. */
    public synchronized Faults failAt(long index) {
        this.failAt = index;
        return this;
    }

    /** From this operation number on, every operation that needs space fails, until {@link #freeDisk()}. */
    public synchronized Faults fillDiskAt(long index) {
        this.diskFullFrom = index;
        return this;
    }

    /**
     * Once a failure was injected, also fails every later operation of these kinds (typically the
     * clean-up: {@link Op#TRUNCATE}, {@link Op#DELETE}) until {@link #heal()}.
     */
    public synchronized Faults failCleanUp(java.util.Set<Op> kinds) {
        this.cleanUpFailures = java.util.Set.copyOf(kinds);
        return this;
    }

    public synchronized void freeDisk() {
        diskFullFrom = 0;
    }

    /** Stops injecting anything; counting goes on. */
    public synchronized void heal() {
        failAt = 0;
        diskFullFrom = 0;
        cleanUpFailures = java.util.Set.of();
    }

    public synchronized long count() {
        return count;
    }

    public synchronized long count(Op op) {
        return perKind.getOrDefault(op, 0L);
    }

    /** How many failures were injected so far. */
    public synchronized long injected() {
        return injected;
    }

    /** Counts one operation; returns the failure to throw, or null when it should go ahead. */
    synchronized IOException next(Op op, Path path) {
        long index = ++count;
        perKind.merge(op, 1L, Long::sum);
        listeners.forEach(l -> l.before(index, op, path));
        boolean fail = index == failAt || (diskFullFrom > 0 && index >= diskFullFrom && op.needsSpace())
                || (injected > 0 && cleanUpFailures.contains(op));
        if (!fail) {
            return null;
        }
        injected++;
        return (index % 2 == 0 || diskFullFrom > 0)
                ? new FileSystemException(path.toString(), null, "No space left on device")
                : new IOException("Input/output error (injected at operation " + index + ": " + op + ")");
    }

    /** Counts one operation and throws its failure, if it has one. */
    void check(Op op, Path path) throws IOException {
        IOException failure = next(op, path);
        if (failure != null) {
            throw failure;
        }
    }
}
