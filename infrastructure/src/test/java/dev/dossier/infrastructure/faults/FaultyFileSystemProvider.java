package dev.dossier.infrastructure.faults;

import static dev.dossier.infrastructure.faults.FaultyPath.unwrap;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The provider of a {@link FaultyFileSystem}: counts, maybe fails, then delegates to the default provider. */
public final class FaultyFileSystemProvider extends FileSystemProvider {
    private final FaultyFileSystem fileSystem;
    private final FileSystemProvider real;
    private final Faults faults;
    private final FaultyFileSystem.FileEvents events;
    private final boolean reallyForce;

    FaultyFileSystemProvider(FaultyFileSystem fileSystem, Faults faults, FaultyFileSystem.FileEvents events,
                             boolean reallyForce) {
        this.fileSystem = fileSystem;
        this.real = java.nio.file.FileSystems.getDefault().provider();
        this.faults = faults;
        this.events = events;
        this.reallyForce = reallyForce;
    }

    Faults faults() {
        return faults;
    }

    FaultyFileSystem.FileEvents events() {
        return events;
    }

    boolean reallyForce() {
        return reallyForce;
    }

    @Override
    public String getScheme() {
        return "faulty";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path target = unwrap(path);
        boolean creates = (options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW))
                && !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        faults.check(Op.OPEN, target);
        FileChannel channel = real.newFileChannel(target, options, attrs);
        if (creates) {
            events.created(target);
        }
        return new FaultyFileChannel(channel, target, this);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        Path target = unwrap(dir);
        faults.check(Op.LIST, target);
        DirectoryStream<Path> entries = real.newDirectoryStream(target, p -> filter.accept(fileSystem.wrap(p)));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> it = entries.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Path next() {
                        return fileSystem.wrap(it.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                entries.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        Path target = unwrap(dir);
        faults.check(Op.CREATE_DIRECTORY, target);
        real.createDirectory(target, attrs);
        events.created(target);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        real.createSymbolicLink(unwrap(link), target instanceof FaultyPath ? unwrap(target) : target, attrs);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return fileSystem.wrap(real.readSymbolicLink(unwrap(link)));
    }

    @Override
    public void delete(Path path) throws IOException {
        Path target = unwrap(path);
        faults.check(Op.DELETE, target);
        real.delete(target);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        faults.check(Op.WRITE, unwrap(target));
        real.copy(unwrap(source), unwrap(target), options);
        events.created(unwrap(target));
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        faults.check(Op.MOVE, unwrap(target));
        real.move(unwrap(source), unwrap(target), options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return real.isSameFile(unwrap(path), unwrap(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return real.isHidden(unwrap(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return real.getFileStore(unwrap(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        real.checkAccess(unwrap(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return real.getFileAttributeView(unwrap(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        return real.readAttributes(unwrap(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return real.readAttributes(unwrap(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        real.setAttribute(unwrap(path), attribute, value, options);
    }
}
