package dev.dossier.eventstore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code parked list|replay}: the dead-letter area of subscriptions. */
@Command(name = "parked", description = "List parked events (those a subscriber kept failing on), or mark them"
        + " for replay.", subcommands = {ParkedListCommand.class, ParkedReplayCommand.class})
final class ParkedCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;

    @Override
    public Integer call() {
        throw new CliInputException("parked", "name a subcommand: list or replay");
    }
}
