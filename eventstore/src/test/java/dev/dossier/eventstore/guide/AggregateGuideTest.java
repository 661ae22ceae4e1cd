package dev.dossier.eventstore.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.application.aggregate.Aggregate;
import dev.dossier.application.aggregate.AggregateRepository;
import dev.dossier.application.aggregate.ConflictRetry;
import dev.dossier.application.aggregate.SnapshotWriter;
import dev.dossier.application.command.CommandAction;
import dev.dossier.application.command.CommandContext;
import dev.dossier.application.command.CommandOutcome;
import dev.dossier.application.command.CommandProcessor;
import dev.dossier.application.command.CommandRejectedException;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.Dossier;
import dev.dossier.eventstore.demo.OrderCommands;
import dev.dossier.eventstore.demo.OrderEvents;
import dev.dossier.eventstore.demo.OrderState;
import dev.dossier.eventstore.demo.Orders;
import dev.dossier.infrastructure.filesystem.FileSystemProcessedCommandStore;
import dev.dossier.infrastructure.filesystem.FileSystemSnapshotStore;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete example of docs/guide-aggregates.md; the guide quotes this class, so it must compile and pass. */
class AggregateGuideTest {
    @TempDir
    Path directory;

    // guide:wiring
    /** Everything a host needs for orders: the store, the repository with snapshots, the command processor. */
    record OrderService(EventStorePort store, AggregateRepository repository, CommandProcessor commands)
            implements AutoCloseable {

        static OrderService open(Path path) {
            Dossier dossier = Dossier.builder().path(path)
                    .register("OrderPlaced", OrderEvents.OrderPlaced.class)
                    .register("ItemAdded", OrderEvents.ItemAdded.class)
                    .register("OrderShipped", OrderEvents.OrderShipped.class)
                    .register("OrderCancelled", OrderEvents.OrderCancelled.class);
            EventStorePort store = dossier.open();
            FileStoreOptions options = dossier.options();
            var repository = AggregateRepository.builder()
                    .events(store)
                    .types(options.eventTypes())
                    .snapshots(SnapshotWriter.background(FileSystemSnapshotStore.open(options), "orders"))
                    .build();
            var commands = CommandProcessor.builder()
                    .repository(repository)
                    .streams(store)
                    .processed(FileSystemProcessedCommandStore.open(options))
                    .build();
            return new OrderService(store, repository, commands);
        }

        CommandOutcome handle(String orderId, String commandId, OrderCommands command) {
            return commands.handle(Orders.DEFINITION, orderId,
                    CommandContext.of(commandId).correlatedWith("checkout-" + orderId),
                    CommandAction.deciding(command::decide));
        }

        @Override
        public void close() {
            repository.close(); // writes the snapshots still queued, stops the snapshot thread
            store.close();
        }
    }
    // end:wiring

    @Test
    void the_guide_example_runs_end_to_end() throws Exception {
        Path path = directory.resolve("store");
        // guide:usage
        try (OrderService orders = OrderService.open(path)) {
            orders.handle("o-1", "req-1", new OrderCommands.PlaceOrder("ada", "EUR"));
            for (int i = 1; i <= 120; i++) {
                orders.handle("o-1", "req-item-" + i, new OrderCommands.AddItem("sku-" + i, 1, 250));
            }
            orders.handle("o-1", "req-ship", new OrderCommands.ShipOrder("dhl", "JD0001"));

            // The invariant: a shipped order takes no more items; nothing is recorded.
            assertThatThrownBy(() -> orders.handle("o-1", "req-late", new OrderCommands.AddItem("pen", 1, 199)))
                    .isInstanceOf(CommandRejectedException.class);

            // Time travel: the order as it was after its 11th event.
            assertThat(orders.repository().stateAt(Orders.DEFINITION, "o-1", Version.of(11)).state().lines())
                    .hasSize(10);
        }

        // After a restart, a retried request records nothing and answers as the first time did.
        try (OrderService orders = OrderService.open(path)) {
            CommandOutcome retried = orders.handle("o-1", "req-ship", new OrderCommands.ShipOrder("dhl", "JD0001"));
            assertThat(retried.duplicate()).isTrue();
            assertThat(retried.newVersion()).isEqualTo(Version.of(122));

            OrderState order = orders.repository().load(Orders.DEFINITION, "o-1").state();
            assertThat(order.status()).isEqualTo("SHIPPED");
            assertThat(order.totalCents()).isEqualTo(120 * 250);
        }
        // end:usage
        // A snapshot was taken in the background once the order passed 100 events.
        assertThat(Files.readString(path.resolve("snapshots/order/o-1.json"))).containsPattern("\"version\": 1\\d\\d,");
        try (var commandFiles = Files.walk(path.resolve("commands"))) {
            assertThat(commandFiles.filter(Files::isRegularFile).count()).isEqualTo(122); // every handled command; not the rejected one
        }
    }

    @Test
    void the_repository_can_be_used_directly_with_the_retry_helper() {
        try (OrderService orders = OrderService.open(directory.resolve("store"))) {
            orders.handle("o-1", "req-1", new OrderCommands.PlaceOrder("ada", "EUR"));
            AggregateRepository repository = orders.repository();
            // guide:retry
            List<RecordedEvent> recorded = ConflictRetry.upTo(3).run(() -> {
                Aggregate<OrderState> order = repository.load(Orders.DEFINITION, "o-1");
                new OrderCommands.AddItem("pen", 1, 199).decide(order.state()).forEach(order::apply);
                return repository.save(order);
            });
            // end:retry
            assertThat(recorded).singleElement().satisfies(e -> assertThat(e.version()).isEqualTo(Version.of(2)));
        }
    }
}
