package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemParkedEventStore;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parked replay --subscriber S [--position P]}: marks parked events for replay. The subscriber's
 * running subscription (in whichever process runs it) delivers them again when it is next idle, and removes
 * each one its handler accepts. Exit code 1 when nothing matched.
 */
@Command(name = "replay", description = "Mark a subscriber's parked events (all, or one position) for replay by"
        + " its running subscription.")
final class ParkedReplayCommand implements Callable<Integer> {
    @ParentCommand
    ParkedCommand parent;
    @Mixin
    JsonOption output;

    @Option(names = "--subscriber", required = true, paramLabel = "NAME", description = "The subscriber.")
    String subscriber;
    @Option(names = "--position", paramLabel = "P", description = "Only the parked event at this global position.")
    Long position;

    @Override
    public Integer call() {
        EventStoreCli cli = parent.cli;
        cli.requireStore();
        SubscriberName name = SubscriberName.of(subscriber);
        Optional<GlobalPosition> at = Optional.ofNullable(position).map(GlobalPosition::of);
        int marked = FileSystemParkedEventStore.open(FileStoreOptions.fromEnvironment().withRoot(cli.storePath()))
                .requestReplay(name, at);
        if (output.json) {
            cli.io().out().println(EventJson.compact(EventJson.object().put("subscriber", name.value())
                    .put("marked", marked)));
        } else {
            cli.io().out().println("Marked " + marked + " parked event(s) of " + name + " for replay; the running"
                    + " subscription delivers them again when idle.");
        }
        if (marked == 0) {
            cli.io().err().println("No parked event of " + name + at.map(p -> " at position " + p).orElse("")
                    + " was found.");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
