package dev.dossier.eventstore.cli;

import dev.dossier.application.subscription.EventFilter;
import dev.dossier.application.subscription.OnParked;
import dev.dossier.application.subscription.RetryPolicy;
import dev.dossier.application.subscription.StartPosition;
import dev.dossier.application.subscription.Subscription;
import dev.dossier.application.subscription.SubscriptionOptions;
import dev.dossier.application.subscription.SubscriptionPorts;
import dev.dossier.application.subscription.Subscriptions;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.CommitNotifications;
import dev.dossier.infrastructure.memory.InMemoryCheckpointStore;
import dev.dossier.infrastructure.memory.InMemoryParkedEventStore;
import java.time.Clock;
import java.time.Duration;
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
 * through a subscription woken by the store's commit notifications, until interrupted or its standard
 * input (a pipe) is closed.
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
    @Option(names = "--poll-interval", paramLabel = "MS", defaultValue = "1000", hidden = true,
            description = "The safety re-read when no commit notification came.")
    long pollMillis;

    private static final long FOLLOW_CHECK_MILLIS = 200;

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

    /**
     * Follows with a subscription after {@code seen}: woken on commits of any process (the store's watcher of
     * {@code metadata/}, with its polling fallback); its checkpoint lives in memory only.
     */
    private void follow(EventStorePort store, Optional<EventType> type, long seen, EventPrinter printer) {
        var ports = new SubscriptionPorts(store, (CommitNotifications) store, new InMemoryCheckpointStore(),
                new InMemoryParkedEventStore(), Clock.systemUTC());
        var options = SubscriptionOptions.defaults().start(StartPosition.after(seen)).retry(RetryPolicy.noRetry())
                .onParked(OnParked.STOP).pollInterval(Duration.ofMillis(Math.max(1, pollMillis)))
                .filter(type.map(t -> EventFilter.eventTypes(t.value())).orElse(EventFilter.all()));
        try (StopSignal stop = StopSignal.install(cli.io());
             Subscriptions subscriptions = Subscriptions.withDaemonThreads(ports, "tail")) {
            Subscription subscription = subscriptions.subscribe(SubscriberName.of("tail"), event -> {
                printer.print(event);
                cli.io().out().flush();
                if (cli.io().out().checkError()) {
                    stop.request();
                }
            }, options);
            while (!stop.isRequested() && !subscription.isFinished()) {
                stop.await(FOLLOW_CHECK_MILLIS);
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
