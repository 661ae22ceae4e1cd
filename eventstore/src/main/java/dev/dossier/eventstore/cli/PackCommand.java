package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import dev.dossier.infrastructure.filesystem.PackReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pack}: merges every aggregate's older events into JSON Lines range files, atomically. */
@Command(name = "pack", description = "Merge each aggregate's older events into one JSON Lines range file per run"
        + " of versions (atomically; the most recent --keep events stay one file each). Safe while other"
        + " processes use the store.")
final class PackCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;
    @Option(names = "--keep", paramLabel = "N", description = "recent events of each aggregate to leave as they are"
            + " (default: ${DEFAULT-VALUE})", defaultValue = "100")
    int keep;

    @Override
    public Integer call() {
        cli.requireStore();
        if (keep < 1) {
            throw new CliInputException("--keep", "must be 1 or more, was " + keep);
        }
        PackReport report;
        try (var store = FileSystemEventStore.open(cli.storeOptions().withPackKeep(keep))) {
            report = store.pack();
        }
        if (output.json) {
            ObjectNode node = EventJson.object().put("store", cli.storePath().toString())
                    .put("packs", report.packs()).put("events", report.events())
                    .put("filesBefore", report.filesBefore()).put("filesAfter", report.filesAfter());
            cli.io().out().println(EventJson.pretty(node));
        } else if (report.packs() == 0) {
            cli.io().out().println("Nothing to pack in " + cli.storePath() + ".");
        } else {
            cli.io().out().println("Packed " + report.events() + " events from " + report.filesBefore() + " files into "
                    + report.packs() + " range files in " + cli.storePath() + ".");
        }
        return ExitCodes.OK;
    }
}
