package dev.dossier.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * What the machine's file system costs at one moment, measured without either store: a flushed append to
 * one file (the durable commit both stores pay), creating a small file (which only Dossier pays per
 * event), and one {@code stat} (a plain system call). On a shared virtual machine these move a lot within
 * an hour, so the report gives them from before and after the workloads.
 *
 * @param flushedAppendMicros p50 of writing 700 bytes into a preallocated file, after the previous write, and
 *                            flushing it ({@code fdatasync}; the file never grows)
 * @param createFileMicros    p50 of creating, writing (700 bytes) and closing a new file in one directory
 * @param statMicros          p50 of reading one file's attributes
 */
record MachineProbe(double flushedAppendMicros, double createFileMicros, double statMicros) {
    private static final int REPS = 300;
    private static final byte[] LINE = new byte[700];

    /**
     * Measures in two new directories under {@code dir}, once untimed so that the JIT has compiled the loops,
     * then once timed; the operating system's buffers are written back first. Nothing is deleted: the files
     * go with the rest of the run's work at its end (see {@link Workloads#fresh}).
     */
    static MachineProbe measure(Path dir) {
        once(dir.resolve("untimed"));
        StoreFill.settle();
        return once(dir.resolve("timed"));
    }

    private static MachineProbe once(Path dir) {
        try {
            Files.createDirectories(dir);
            return new MachineProbe(flushedAppend(dir.resolve("log")), createFiles(dir.resolve("files")),
                    stat(dir.resolve("log")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double flushedAppend(Path log) throws IOException {
        long[] nanos = new long[REPS];
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[REPS * LINE.length]));
            channel.force(true);
            for (int i = 0; i < REPS; i++) {
                long t = System.nanoTime();
                channel.write(ByteBuffer.wrap(LINE), (long) i * LINE.length);
                channel.force(false);
                nanos[i] = System.nanoTime() - t;
            }
        }
        return p50(nanos);
    }

    private static double createFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        long[] nanos = new long[REPS];
        for (int i = 0; i < REPS; i++) {
            long t = System.nanoTime();
            try (FileChannel channel = FileChannel.open(dir.resolve(i + ".json"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(LINE));
            }
            nanos[i] = System.nanoTime() - t;
        }
        return p50(nanos);
    }

    private static double stat(Path file) throws IOException {
        long[] nanos = new long[REPS];
        for (int i = 0; i < REPS; i++) {
            long t = System.nanoTime();
            Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
            nanos[i] = System.nanoTime() - t;
        }
        return p50(nanos);
    }

    private static double p50(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return Math.round(sorted[sorted.length / 2] / 100.0) / 10.0;
    }
}
