package dev.dossier.eventstore.cli;

import dev.dossier.application.replay.Pace;
import dev.dossier.application.replay.Replay;
import dev.dossier.application.replay.Sleeper;
import dev.dossier.eventstore.replay.OpenedRecording;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code replay}: prints a store's or recording's events in replay order; never writes into it. */
@Command(name = "replay", description = "Replay a store or recording (directory or zip): print its events in"
        + " global order, all at once, up to a point, or step by step.")
final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;
    @ArgGroup(exclusive = true)
    Stop stop;

    static final class Stop {
        @Option(names = "--to-position", paramLabel = "N", description = "Stop after global position N.")
        Long position;
        @Option(names = "--until", paramLabel = "T", converter = Converters.Instants.class,
                description = "Stop after the last event recorded at or before this time.")
        Instant until;
    }

    @Option(names = "--step", description = "Wait for a line on standard input before each event after the"
            + " first ('q' or end of input stops).")
    boolean step;
    @Option(names = "--speed", paramLabel = "X", description = "Replay at the original pace times X"
            + " (default: as fast as possible).")
    Double speed;

    @Override
    public Integer call() {
        if (stop != null && stop.position != null && stop.position < 1) {
            throw new CliInputException("--to-position", "must be 1 or more");
        }
        Pace pace = speed == null ? Pace.fastest() : Pace.scaled(speed);
        try (OpenedRecording recording = OpenedRecording.open(cli.storePath())) {
            var printer = new EventPrinter(cli.io().out(), output.json);
            var replay = new Replay(recording.store(), List.of(printer::print), pace, Sleeper.system());
            var input = new BufferedReader(new InputStreamReader(cli.io().in(), StandardCharsets.UTF_8));
            while (replay.peek().filter(this::beforeStop).isPresent()) {
                if (step && replay.delivered() > 0 && !nextStep(input)) {
                    break;
                }
                replay.next();
            }
            if (printer.printed() == 0) {
                cli.io().err().println("No events to replay.");
            }
        }
        return ExitCodes.OK;
    }

    private boolean beforeStop(dev.dossier.domain.model.RecordedEvent event) {
        if (stop == null) {
            return true;
        }
        return stop.position != null ? event.position().value() <= stop.position
                : !event.timestamp().isAfter(stop.until);
    }

    private boolean nextStep(BufferedReader input) {
        cli.io().err().print("[Enter: next event, q: stop] ");
        cli.io().err().flush();
        try {
            String line = input.readLine();
            return line != null && !line.trim().equalsIgnoreCase("q");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
