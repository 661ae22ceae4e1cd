package dev.dossier.eventstore.demo;

import dev.dossier.application.replay.Rebuilt;
import dev.dossier.application.replay.StateRebuilder;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.Dossier;
import dev.dossier.infrastructure.filesystem.Durability;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The main job: embeds a store in a directory of its own, records two orders of the sample domain,
 * prints the files it wrote (and one of them whole), then reopens the store and replays the events to
 * rebuild each order's state.
 */
public final class OrderDemo {
    private final Path storeDirectory;
    private final PrintStream out;

    public OrderDemo(Path storeDirectory, PrintStream out) {
        this.storeDirectory = storeDirectory;
        this.out = out;
    }

    /** Registers the sample domain's payload classes. */
    public static Dossier configure(Dossier dossier) {
        return dossier.register("OrderPlaced", OrderEvents.OrderPlaced.class)
                .register("ItemAdded", OrderEvents.ItemAdded.class)
                .register("OrderShipped", OrderEvents.OrderShipped.class)
                .register("OrderCancelled", OrderEvents.OrderCancelled.class);
    }

    /** Runs the demo; returns the rebuilt states by stream. */
    public Map<StreamId, OrderState> run() {
        out.println("Dossier demo: recording orders into " + storeDirectory.toAbsolutePath().normalize());
        List<StreamId> orders;
        try (EventStorePort store = open()) {
            long before = store.countEvents();
            orders = record(store, before);
            out.printf("Recorded %d events (the store now holds %d).%n%n", store.countEvents() - before,
                    store.countEvents());
        }
        printFiles(orders);
        out.println();
        out.println("Replaying the events of each order to rebuild its state:");
        try (EventStorePort store = open()) {
            var rebuilder = new StateRebuilder(store);
            var states = new java.util.LinkedHashMap<StreamId, OrderState>();
            for (StreamId order : orders) {
                Rebuilt<OrderState> rebuilt = rebuilder.rebuild(order, OrderState.FOLD);
                states.put(order, rebuilt.state());
                out.printf("  %-28s version %d: %s, customer %s, %s, total %.2f EUR%n", order, rebuilt.version().value(),
                        rebuilt.state().status(), rebuilt.state().customer(), rebuilt.state().lines(),
                        rebuilt.state().totalCents() / 100.0);
            }
            return states;
        }
    }

    private EventStorePort open() {
        return configure(Dossier.builder()).path(storeDirectory).durability(Durability.SYNC).open();
    }

    private List<StreamId> record(EventStorePort store, long before) {
        String suffix = Long.toString(before + 1);
        StreamId first = StreamId.of("order", "order-" + suffix + "-a");
        StreamId second = StreamId.of("order", "order-" + suffix + "-b");
        String correlation = "demo-session-" + suffix;
        store.append(first, ExpectedVersion.noStream(), List.of(
                event("OrderPlaced", new OrderEvents.OrderPlaced("ada", "EUR"), correlation),
                event("ItemAdded", new OrderEvents.ItemAdded("book-42", 2, 1250), correlation)));
        store.append(first, ExpectedVersion.exactly(2),
                event("ItemAdded", new OrderEvents.ItemAdded("pen-7", 3, 199), correlation));
        store.append(first, ExpectedVersion.exactly(3),
                event("OrderShipped", new OrderEvents.OrderShipped("dhl", "JD0001"), correlation));
        store.append(second, ExpectedVersion.noStream(), List.of(
                event("OrderPlaced", new OrderEvents.OrderPlaced("grace", "EUR"), correlation),
                event("ItemAdded", new OrderEvents.ItemAdded("lamp-3", 1, 4900), correlation),
                event("OrderCancelled", new OrderEvents.OrderCancelled("changed mind"), correlation)));
        return List.of(first, second);
    }

    private static NewEvent event(String type, Object payload, String correlation) {
        return NewEvent.of(type, payload).toBuilder().correlation(correlation)
                .metadata(Map.of("actor", "demo", "source", "eventstore demo")).build();
    }

    private void printFiles(List<StreamId> orders) {
        Path root = storeDirectory.toAbsolutePath().normalize();
        out.println("Files written (one JSON file per event):");
        Path sample = null;
        for (StreamId order : orders) {
            Path dir = root.resolve(order.type().value()).resolve(order.id().value()); // plain lower-case names

            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    out.println("  " + root.relativize(file));
                    sample = sample == null ? file : sample;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (sample != null) {
            out.println();
            out.println("$ cat " + root.relativize(sample));
            try {
                out.print(Files.readString(sample, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
