package dev.dossier.eventstore.cli;

import dev.dossier.domain.error.EventStoreException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.port.EventStorePort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import [FILE]}: appends the events of a JSON Lines file (or standard input), one append per line,
 * in order. Every line is checked first, so a malformed file appends nothing.
 */
@Command(name = "import", description = "Append events from JSON Lines (a file, or standard input); prints how"
        + " many were appended.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The JSON Lines file ('-' or none: standard input).")
    Path file;

    @Override
    public Integer call() {
        boolean stdin = file == null || file.toString().equals("-");
        String source = stdin ? "standard input" : file.toString();
        List<ImportLine> lines = new ImportParser(source).parse(readLines(stdin));
        long appended = 0;
        var progress = new ProgressBar(cli.io().err(), cli.io().terminal(), lines.size());
        try (EventStorePort store = cli.openOrCreate()) {
            for (ImportLine line : lines) {
                append(store, line, appended);
                progress.update(++appended);
            }
        } finally {
            progress.finish();
        }
        if (output.json) {
            cli.io().out().println(EventJson.compact(EventJson.object().put("appended", appended)));
        } else {
            cli.io().out().println(appended + " events appended.");
        }
        return ExitCodes.OK;
    }

    private void append(EventStorePort store, ImportLine line, long appendedBefore) {
        try {
            store.append(line.stream(), line.expected(), line.event());
        } catch (EventStoreException e) {
            cli.io().err().println("Import stopped at " + line.where() + "; " + appendedBefore
                    + " events were appended before it.");
            if (e instanceof InvalidInputException) {
                throw new CliInputException(line.where(), e.getMessage());
            }
            throw e;
        }
    }

    private List<String> readLines(boolean stdin) {
        try {
            if (stdin) {
                return new BufferedReader(new InputStreamReader(cli.io().in(), StandardCharsets.UTF_8)).lines().toList();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliInputException(file.toString(), "no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new CliInputException(stdin ? "standard input" : file.toString(), "cannot be read: " + e.getMessage());
        }
    }
}
