package dev.dossier.infrastructure.faults;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A wrapper around the default file system whose every operation is counted (and possibly failed) by
 * {@link Faults}, and whose file creations and forces are reported to {@link FileEvents} (for the
 * power-cut model). Obtain paths with {@link #wrap(Path)}; the store then reaches every file through it.
 */
public final class FaultyFileSystem extends FileSystem {
    private final FileSystem real = FileSystems.getDefault();
    private final FaultyFileSystemProvider provider;

    /** Creations and forces, in the order they happen. */
    public interface FileEvents {
        FileEvents NONE = new FileEvents() {
        };

        /** A file or directory was created at {@code path} (a real path). */
        default void created(Path path) {
        }

        /** A file or directory was forced to disk. */
        default void forced(Path path) {
        }
    }

    /**
     * @param reallyForce whether a force reaches the disk; tests that only model durability can skip
     *                    the (slow) real fsync
     */
    public FaultyFileSystem(Faults faults, FileEvents events, boolean reallyForce) {
        this.provider = new FaultyFileSystemProvider(this, faults, events, reallyForce);
    }

    public FaultyFileSystem(Faults faults) {
        this(faults, FileEvents.NONE, true);
    }

    /** The path of this file system that stands for {@code real}. */
    public Path wrap(Path real) {
        return new FaultyPath(this, real);
    }

    @Override
    public FaultyFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // Nothing to release: the real file system stays open.
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return real.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        real.getRootDirectories().forEach(r -> roots.add(wrap(r)));
        return roots;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return real.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return real.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(real.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher matcher = real.getPathMatcher(syntaxAndPattern);
        return path -> matcher.matches(FaultyPath.unwrap(path));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return real.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
        throw new UnsupportedOperationException("the faulty file system does not watch");
    }
}
