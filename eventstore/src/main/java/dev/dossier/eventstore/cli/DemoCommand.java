package dev.dossier.eventstore.cli;

import dev.dossier.eventstore.demo.OrderDemo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code demo}: the main job from the README, recording and replaying a few orders. */
@Command(name = "demo", description = "Record a few orders of the sample domain and replay them.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;

    @Override
    public Integer call() {
        new OrderDemo(cli.storePath(), cli.io().out()).run();
        return ExitCodes.OK;
    }
}
