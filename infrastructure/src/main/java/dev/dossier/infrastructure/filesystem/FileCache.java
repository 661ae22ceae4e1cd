package dev.dossier.infrastructure.filesystem;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of recently read event files and range files, up to a budget, least recently used first out:
 * the read path's block cache. Opening and reading a small file costs several system calls, which on a
 * slow virtual machine is most of a warm read's time. Event and range files never change once written
 * (a pack writes a new range file and deletes the old files, whose events it holds unchanged; recovery
 * rewrites a file only to the content its journal record holds), except by {@code eventstore migrate},
 * which must run while no other process has the store open; so a cached file needs no check. A file
 * found damaged is forgotten, and is read again next time. Besides whole files it keeps the line maps
 * of large range files ({@link RangeMap}), so that a reader can read a few lines of one without the rest.
 * The arrays are shared: callers must not change them. Thread-safe.
 */
final class FileCache {
    /** Default budget: 16 MiB, like an embedded database's block cache. */
    static final long DEFAULT_BYTES = 16L << 20;

    private final long capacity;
    /** A file's bytes, or a range file read from them; with the bytes it counts for. */
    private record Kept(Object value, long bytes) {
    }

    private final Map<Path, Kept> files = new LinkedHashMap<>(64, 0.75f, true);
    private long size;
    /** The line maps of large range files, in a quarter of the budget of their own. */
    private final Map<Path, RangeMap> maps = new LinkedHashMap<>(64, 0.75f, true);
    private long mapsSize;

    /** @param capacity the most bytes kept; 0 or less keeps nothing */
    FileCache(long capacity) {
        this.capacity = capacity;
    }

    /** The cached bytes of {@code file}, or null. */
    synchronized byte[] get(Path file) {
        Kept kept = capacity <= 0 ? null : files.get(file);
        return kept != null && kept.value() instanceof byte[] bytes ? bytes : null;
    }

    /** The cached range file at {@code file} (its lines already found), or null. */
    synchronized RangeFile range(Path file) {
        Kept kept = capacity <= 0 ? null : files.get(file);
        return kept != null && kept.value() instanceof RangeFile range ? range : null;
    }

    /** Keeps {@code content} as the bytes of {@code file}, unless it would take more than a quarter of the budget. */
    synchronized void put(Path file, byte[] content) {
        keep(file, new Kept(content, content.length));
    }

    /** Keeps the range file {@code range} for {@code file}, unless it would take more than a quarter of the budget. */
    synchronized void put(Path file, RangeFile range) {
        keep(file, new Kept(range, range.footprint()));
    }

    private void keep(Path file, Kept kept) {
        if (kept.bytes() > capacity / 4) {
            dropFile(file);
            return;
        }
        Kept old = files.put(file, kept);
        size += kept.bytes() - (old == null ? 0 : old.bytes());
        for (Iterator<Kept> eldest = files.values().iterator(); size > capacity && eldest.hasNext(); ) {
            size -= eldest.next().bytes();
            eldest.remove();
        }
    }

    private void dropFile(Path file) {
        Kept old = files.remove(file);
        if (old != null) {
            size -= old.bytes();
        }
    }

    /** The line map of the range file at {@code file}, or null. */
    synchronized RangeMap map(Path file) {
        return capacity <= 0 ? null : maps.get(file);
    }

    /** Keeps the line map of the range file at {@code file}, in a quarter of the budget, least recently used out. */
    synchronized void put(Path file, RangeMap map) {
        if (map.footprint() > capacity / 16) {
            return;
        }
        RangeMap old = maps.put(file, map);
        mapsSize += map.footprint() - (old == null ? 0 : old.footprint());
        for (Iterator<RangeMap> eldest = maps.values().iterator(); mapsSize > capacity / 4 && eldest.hasNext(); ) {
            mapsSize -= eldest.next().footprint();
            eldest.remove();
        }
    }

    /** Drops {@code file}, and its line map: it was found damaged, or replaced. */
    synchronized void forget(Path file) {
        dropFile(file);
        RangeMap map = maps.remove(file);
        if (map != null) {
            mapsSize -= map.footprint();
        }
    }
}
