package dev.dossier.eventstore.cli;

import dev.dossier.domain.error.IncompatibleStoreException;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import dev.dossier.infrastructure.filesystem.StoreDirectory;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar eventstore.jar [--store DIR] COMMAND ...}: inspect, load, export and check a store.
 * Exit codes are those of {@link ExitCodes}.
 */
@Command(name = "eventstore", mixinStandardHelpOptions = true, version = "Dossier eventstore 0.1.0",
        description = "Inspect, load, export and check a Dossier event store.",
        subcommands = {InitCommand.class, AppendCommand.class, ReadCommand.class, ReadAllCommand.class,
                LsCommand.class, TailCommand.class, StatsCommand.class, VerifyCommand.class, ImportCommand.class,
                ExportCommand.class, SchemasCommand.class, MigrateCommand.class, DemoCommand.class,
                RecordCommand.class, ReplayCommand.class, AtCommand.class, ParkedCommand.class, PackCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:verify found problems, or the store or system failed",
                "2:invalid usage or invalid input", "3:the expected version did not match"})
public final class EventStoreCli {
    private final CliStreams io;

    @Option(names = "--store", paramLabel = "DIR",
            description = "The store directory (default: $EVENTSTORE_PATH, else ./eventstore).")
    Path store;

    EventStoreCli(CliStreams io) {
        this.io = io;
    }

    public static void main(String[] args) {
        System.exit(run(CliStreams.system(), args));
    }

    /** Runs the command line with the process's streams and returns its exit code. */
    public static int run(String... args) {
        return run(CliStreams.system(), args);
    }

    /** Runs the command line with the given streams and returns its exit code; standard output is flushed. */
    public static int run(CliStreams io, String... args) {
        var commandLine = new CommandLine(new EventStoreCli(io))
                .setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8))
                .setExecutionExceptionHandler(new ErrorReporter(io.err()));
        try {
            return commandLine.execute(args);
        } finally {
            io.out().flush();
            io.err().flush();
        }
    }

    CliStreams io() {
        return io;
    }

    /** The store directory: --store, else $EVENTSTORE_PATH (or -Ddossier.path), else ./eventstore. */
    Path storePath() {
        return store != null ? store : FileStoreOptions.fromEnvironment().root();
    }

    /** The options for the store directory, from the environment. */
    FileStoreOptions storeOptions() {
        return FileStoreOptions.fromEnvironment().withRoot(storePath());
    }

    /** Opens the store, creating it when the directory is missing or empty. */
    EventStorePort openOrCreate() {
        return FileSystemEventStore.open(storeOptions());
    }

    /**
     * Opens an existing store; never creates one.
     *
     * @throws IncompatibleStoreException when there is no store at the path
     */
    EventStorePort openExisting() {
        requireStore();
        return openOrCreate();
    }

    void requireStore() {
        if (!StoreDirectory.isStore(storePath())) {
            throw new IncompatibleStoreException(storePath().toAbsolutePath().normalize().toString(),
                    "there is no event store there (no metadata/format.json); create one with"
                            + " 'eventstore init' or name another with --store or $EVENTSTORE_PATH");
        }
    }
}
