package dev.dossier.infrastructure.faults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * A file channel whose reads, writes, forces, truncations and locks are counted and may fail. A failing
 * write first writes half of what it was given, as a real write that runs out of space does.
 */
final class FaultyFileChannel extends FileChannel {
    private final FileChannel real;
    private final Path path;
    private final FaultyFileSystemProvider provider;

    FaultyFileChannel(FileChannel real, Path path, FaultyFileSystemProvider provider) {
        this.real = real;
        this.path = path;
        this.provider = provider;
    }

    private void check(Op op) throws IOException {
        provider.faults().check(op, path);
    }

    private interface PartWriter {
        int write(ByteBuffer part) throws IOException;
    }

    private int write(ByteBuffer src, PartWriter writer) throws IOException {
        IOException failure = provider.faults().next(Op.WRITE, path);
        if (failure == null) {
            return writer.write(src);
        }
        ByteBuffer half = src.slice().limit(src.remaining() / 2);
        int written = half.hasRemaining() ? writer.write(half) : 0;
        src.position(src.position() + written);
        throw failure;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        check(Op.READ);
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        check(Op.READ);
        return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        check(Op.READ);
        return real.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return write(src, real::write);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        check(Op.WRITE);
        return real.write(srcs, offset, length);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return write(src, part -> real.write(part, position));
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        check(Op.TRUNCATE);
        real.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        check(Op.FORCE);
        if (provider.reallyForce()) {
            real.force(metaData);
        }
        provider.events().forced(path);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        check(Op.READ);
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        check(Op.WRITE);
        return real.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("the faulty file system does not map files");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        check(Op.LOCK);
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        check(Op.LOCK);
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
