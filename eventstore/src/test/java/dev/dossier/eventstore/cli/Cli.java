package dev.dossier.eventstore.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in this JVM against one store directory, capturing what it prints. */
final class Cli {
    private final Path store;

    Cli(Path store) {
        this.store = store;
    }

    Path store() {
        return store;
    }

    CliResult run(String... args) {
        return runWithInput("", args);
    }

    CliResult runWithInput(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, args);
    }

    CliResult run(InputStream stdin, boolean terminal, String... args) {
        return run(stdin, terminal, new ByteArrayOutputStream(), args);
    }

    /** Runs with {@code out} receiving standard output as it is printed (for {@code tail -f}). */
    CliResult run(InputStream stdin, boolean terminal, ByteArrayOutputStream out, String... args) {
        var err = new ByteArrayOutputStream();
        var all = new ArrayList<>(List.of("--store", store.toString()));
        all.addAll(List.of(args));
        int code = EventStoreCli.run(new CliStreams(stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal), all.toArray(String[]::new));
        return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Appends an event with a JSON payload and expects success. */
    CliResult append(String type, String id, String event, String data) {
        CliResult result = run("append", "--type", type, "--id", id, "--event", event, "--data", data);
        if (result.exitCode() != 0) {
            throw new AssertionError("append failed: " + result);
        }
        return result;
    }
}
