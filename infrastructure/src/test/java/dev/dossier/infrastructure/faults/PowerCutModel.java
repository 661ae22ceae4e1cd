package dev.dossier.infrastructure.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a disk would still hold after a power cut, tracked from the creations and forces a
 * {@link FaultyFileSystem} reports. The model, deliberately conservative (POSIX promises no more):
 * <ul>
 *   <li>every file and directory is an inode with an identity of its own (a rename keeps it, a new file
 *       gets a new one even when the real file system reuses an inode number);</li>
 *   <li>the <b>data</b> of a file is durable only as of the last {@code force} of that file: every later
 *       write or truncation is volatile;</li>
 *   <li>the <b>entries</b> of a directory (which names exist and which inode each name points to) are
 *       durable only as of the last {@code force} of that directory: a create, rename or delete is volatile
 *       until its parent directory is forced;</li>
 *   <li>a newly created inode starts with empty durable data and no durable entries.</li>
 * </ul>
 * The durable tree is read from the base directory (durable by assumption) down through durable entries.
 * A {@link PowerCutSnapshot} can also keep unforced data (written back by the OS before the cut, wholly or
 * torn), which is another legal outcome; unforced directory entries are always dropped.
 * Thread-safe.
 */
public final class PowerCutModel implements FaultyFileSystem.FileEvents {
    private final Path base;
    private final Map<Object, Long> idByKey = new HashMap<>();
    private final Map<Long, byte[]> durableData = new HashMap<>();
    private final Map<Long, Map<String, Long>> durableEntries = new HashMap<>();
    private long nextId;
    private long forces;

    /** Models the tree under {@code base} (a real directory); whatever is there now counts as durable. */
    public PowerCutModel(Path base) {
        this.base = base;
        adopt(base);
    }

    private long adopt(Path path) {
        long id = newId(path);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            var entries = new TreeMap<String, Long>();
            for (Path child : list(path)) {
                entries.put(child.getFileName().toString(), adopt(child));
            }
            durableEntries.put(id, entries);
        } else {
            durableData.put(id, read(path));
        }
        return id;
    }

    @Override
    public synchronized void created(Path path) {
        long id = newId(path);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            durableEntries.put(id, Map.of());
        } else {
            durableData.put(id, new byte[0]);
        }
    }

    @Override
    public synchronized void forced(Path path) {
        forces++;
        long id = idOf(path);
        if (durableEntries.containsKey(id)) {
            var entries = new TreeMap<String, Long>();
            for (Path child : list(path)) {
                entries.put(child.getFileName().toString(), idOf(child));
            }
            durableEntries.put(id, Map.copyOf(entries));
        } else {
            durableData.put(id, read(path));
        }
    }

    /** How many forces were recorded: the durable state changes only when this does. */
    public synchronized long forces() {
        return forces;
    }

    /** The durable state now, together with the current (volatile) data of every file it reaches. */
    public synchronized PowerCutSnapshot snapshot() {
        var current = new HashMap<Long, byte[]>();
        collectCurrent(base, current);
        return new PowerCutSnapshot(Map.copyOf(durableData), Map.copyOf(durableEntries), current, idOf(base));
    }

    private void collectCurrent(Path path, Map<Long, byte[]> current) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            list(path).forEach(child -> collectCurrent(child, current));
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            Long id = idByKey.get(key(path));
            if (id != null) {
                current.put(id, read(path));
            }
        }
    }

    private long newId(Path path) {
        long id = nextId++;
        idByKey.put(key(path), id);
        return id;
    }

    private long idOf(Path path) {
        Long id = idByKey.get(key(path));
        return id != null ? id : adopt(path);
    }

    private static Object key(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(path) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.List<Path> list(Path directory) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            var all = new java.util.ArrayList<Path>();
            entries.forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
