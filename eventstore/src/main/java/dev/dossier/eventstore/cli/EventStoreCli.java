package dev.dossier.eventstore.cli;

import dev.dossier.eventstore.demo.OrderDemo;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar eventstore.jar [--store DIR] COMMAND ...}. */
@Command(name = "eventstore", mixinStandardHelpOptions = true, version = "Dossier eventstore 0.1.0",
        description = "Inspect, load, export and check a Dossier event store.",
        subcommands = {EventStoreCli.Demo.class})
public final class EventStoreCli {

    @Option(names = "--store", paramLabel = "DIR",
            description = "The store directory (default: $EVENTSTORE_PATH, else ./eventstore).")
    Path store;

    /** The store directory: --store, else $EVENTSTORE_PATH (or -Ddossier.path), else ./eventstore. */
    Path storePath() {
        return store != null ? store : FileStoreOptions.fromEnvironment().root();
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new EventStoreCli()).execute(args);
    }

    @Command(name = "demo", description = "Record a few orders of the sample domain and replay them.")
    static final class Demo implements Callable<Integer> {
        @CommandLine.ParentCommand
        EventStoreCli parent;

        @Override
        public Integer call() {
            new OrderDemo(parent.storePath(), System.out).run();
            return 0;
        }
    }

}
