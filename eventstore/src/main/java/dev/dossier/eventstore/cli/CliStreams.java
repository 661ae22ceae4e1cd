package dev.dossier.eventstore.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a command reads and writes: standard input, standard output (results only), standard error
 * (messages, progress), and whether a person is watching a terminal (progress bars only then).
 */
public record CliStreams(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    public CliStreams {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The process's streams, UTF-8 encoded; standard output is buffered and flushed by the command line. */
    public static CliStreams system() {
        var out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        var err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new CliStreams(System.in, out, err, System.console() != null);
    }
}
