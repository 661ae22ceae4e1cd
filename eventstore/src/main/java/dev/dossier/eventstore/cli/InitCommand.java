package dev.dossier.eventstore.cli;

import dev.dossier.domain.port.EventStorePort;
import dev.dossier.infrastructure.filesystem.StoreDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code init}: creates an empty store; does nothing to an existing one. */
@Command(name = "init", description = "Create an empty store (does nothing if the store exists).")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;

    @Override
    public Integer call() {
        Path root = cli.storePath().toAbsolutePath().normalize();
        boolean existed = StoreDirectory.isStore(root);
        try (EventStorePort store = cli.openOrCreate()) {
            if (existed) {
                cli.io().out().println("An event store already exists at " + root + " (" + store.countEvents()
                        + " events); nothing changed.");
            } else {
                cli.io().out().println("Created an empty event store at " + root);
            }
        }
        return ExitCodes.OK;
    }
}
