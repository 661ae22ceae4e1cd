package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.port.EventStorePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tail [-f]}: the latest events; with {@code -f}, keeps printing the events any process appends,
 * polling the store's index, until interrupted or its standard input (a pipe) is closed.
 */
@Command(name = "tail", description = "Print the latest events; with -f, keep printing new ones as any process"
        + " appends them (stop with Ctrl-C).")
final class TailCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new events.")
    boolean follow;
    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10",
            description = "How many of the latest events to print first (default: ${DEFAULT-VALUE}).")
    int count;
    @Option(names = "--event-type", paramLabel = "E", description = "Only events of this type.")
    String eventType;
    @Option(names = "--poll-interval", paramLabel = "MS", defaultValue = "200", hidden = true)
    long pollMillis;

    @Override
    public Integer call() {
        if (count < 0) {
            throw new CliInputException("--lines", "must be 0 or more");
        }
        Optional<EventType> type = Optional.ofNullable(eventType).map(EventType::of);
        try (EventStorePort store = cli.openExisting()) {
            var printer = new EventPrinter(cli.io().out(), output.json);
            long seen = store.lastPosition();
            latest(store, type, seen).forEach(printer::print);
            cli.io().out().flush();
            if (follow) {
                follow(store, type, seen, printer);
            }
        }
        return ExitCodes.OK;
    }

    private void follow(EventStorePort store, Optional<EventType> type, long seen, EventPrinter printer) {
        try (StopSignal stop = StopSignal.install(cli.io())) {
            while (!stop.isRequested()) {
                seen = printNew(store, type, seen, printer);
                cli.io().out().flush();
                if (cli.io().out().checkError()) {
                    return;
                }
                stop.await(pollMillis);
            }
        }
    }

    /** The last {@code count} events (of the type) at or before {@code last}, widening the window as needed. */
    private List<RecordedEvent> latest(EventStorePort store, Optional<EventType> type, long last) {
        if (count == 0 || last == 0) {
            return List.of();
        }
        long window = count;
        while (true) {
            long from = Math.max(1, last - window + 1);
            List<RecordedEvent> found = read(store, type, from, last);
            if (found.size() >= count || from == 1) {
                return found.subList(Math.max(0, found.size() - count), found.size());
            }
            window = Math.min(last, window * 2);
        }
    }

    private long printNew(EventStorePort store, Optional<EventType> type, long seen, EventPrinter printer) {
        long last = store.lastPosition();
        if (last <= seen) {
            return seen;
        }
        read(store, type, seen + 1, last).forEach(printer::print);
        return last;
    }

    /** The events (of the type) with positions in [{@code from}, {@code to}], in order. */
    private static List<RecordedEvent> read(EventStorePort store, Optional<EventType> type, long from, long to) {
        var events = new ArrayList<RecordedEvent>();
        long next = from;
        while (next <= to) {
            List<RecordedEvent> page = type.isPresent()
                    ? store.readByEventType(type.get(), GlobalPosition.of(next), EventSource.PAGE)
                    : store.readAll(GlobalPosition.of(next), (int) Math.min(EventSource.PAGE, to - next + 1));
            page.stream().filter(e -> e.position().value() <= to).forEach(events::add);
            if (page.isEmpty() || page.size() < EventSource.PAGE && type.isPresent()) {
                break;
            }
            next = page.get(page.size() - 1).position().value() + 1;
        }
        return events;
    }
}
