package dev.dossier.eventstore.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.application.command.CommandAction;
import dev.dossier.application.command.CommandContext;
import dev.dossier.application.command.CommandOutcome;
import dev.dossier.application.command.CommandRejectedException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.CommandId;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.ProcessedCommand;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.Version;
import dev.dossier.eventstore.demo.OrderCommands;
import dev.dossier.eventstore.demo.OrderCommands.AddItem;
import dev.dossier.eventstore.demo.OrderCommands.PlaceOrder;
import dev.dossier.eventstore.demo.OrderCommands.ShipOrder;
import dev.dossier.eventstore.demo.OrderEvents.ItemAdded;
import dev.dossier.eventstore.demo.OrderState;
import dev.dossier.eventstore.demo.Orders;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommandProcessorTest {
    private final OrderWorld world = new OrderWorld();

    private CommandOutcome handle(String commandId, OrderCommands command) {
        return world.processor.handle(Orders.DEFINITION, "o-1", CommandContext.of(commandId).correlatedWith("session-7"),
                CommandAction.deciding(command::decide));
    }

    @Test
    void every_event_of_a_command_carries_the_command_id_as_causation_and_its_correlation_id() {
        var outcome = world.processor.handle(Orders.DEFINITION, "o-1",
                CommandContext.of("cmd-1").correlatedWith("session-7").withMetadata(Map.of("actor", "ada")),
                order -> order.apply(new PlaceOrder("ada", "EUR").decide(order.state()).get(0))
                        .apply(new ItemAdded("a", 1, 1)));

        assertThat(outcome.events()).hasSize(2).allSatisfy(event -> {
            assertThat(event.causationId()).contains("cmd-1");
            assertThat(event.correlationId()).contains("session-7");
            assertThat(event.metadata()).containsEntry("actor", "ada");
        });
        assertThat(world.store.readStream(Orders.DEFINITION.streamOf("o-1"))).isEqualTo(outcome.events());
    }

    @Test
    void a_command_without_a_correlation_id_starts_its_own_conversation() {
        var outcome = world.processor.handle(Orders.DEFINITION, "o-1", CommandContext.of("cmd-1"),
                CommandAction.deciding(new PlaceOrder("ada", "EUR")::decide));

        assertThat(outcome.events().get(0).correlationId()).contains("cmd-1");
    }

    @Test
    void a_command_handled_twice_records_its_events_once_and_returns_the_same_outcome() {
        handle("cmd-1", new PlaceOrder("ada", "EUR"));
        var first = handle("cmd-2", new AddItem("book", 2, 1250));

        var second = handle("cmd-2", new AddItem("book", 2, 1250));

        assertThat(second.duplicate()).isTrue();
        assertThat(first.duplicate()).isFalse();
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(second.newVersion()).isEqualTo(first.newVersion());
        assertThat(world.store.currentVersion(Orders.DEFINITION.streamOf("o-1"))).isEqualTo(Version.of(2));
    }

    @Test
    void a_command_that_breaks_an_invariant_is_rejected_and_records_nothing() {
        handle("cmd-1", new PlaceOrder("ada", "EUR"));
        handle("cmd-2", new AddItem("book", 1, 1250));
        handle("cmd-3", new ShipOrder("dhl", "JD1"));

        assertThatThrownBy(() -> handle("cmd-4", new AddItem("late", 1, 1)))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("items cannot be added to an order that is shipped");
        assertThat(world.store.currentVersion(Orders.DEFINITION.streamOf("o-1"))).isEqualTo(Version.of(3));
        assertThat(world.commands.find(CommandId.of("cmd-4"))).isEmpty();
    }

    @Test
    void a_command_id_used_for_another_aggregate_is_refused() {
        handle("cmd-1", new PlaceOrder("ada", "EUR"));

        assertThatThrownBy(() -> world.processor.handle(Orders.DEFINITION, "o-2", CommandContext.of("cmd-1"),
                CommandAction.deciding(new PlaceOrder("bob", "EUR")::decide)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("order/o-1");
    }

    @Test
    void a_crash_between_the_append_and_the_completed_record_is_repaired_without_recording_twice() {
        handle("cmd-1", new PlaceOrder("ada", "EUR"));
        var stream = Orders.DEFINITION.streamOf("o-1");
        world.commands.record(ProcessedCommand.started(CommandId.of("cmd-2"), stream, Version.of(1), world.clock.instant()));
        world.store.append(stream, ExpectedVersion.exactly(1), NewEvent.of("ItemAdded", new ItemAdded("book", 1, 1))
                .toBuilder().causation("cmd-2").build());

        var outcome = handle("cmd-2", new AddItem("book", 1, 1));

        assertThat(outcome.duplicate()).isTrue();
        assertThat(outcome.events()).extracting(RecordedEvent::version).containsExactly(Version.of(2));
        assertThat(world.store.currentVersion(stream)).isEqualTo(Version.of(2));
        assertThat(world.commands.find(CommandId.of("cmd-2")).orElseThrow().isCompleted()).isTrue();
    }

    @Test
    void a_started_command_whose_append_never_happened_runs_again() {
        handle("cmd-1", new PlaceOrder("ada", "EUR"));
        var stream = Orders.DEFINITION.streamOf("o-1");
        world.commands.record(ProcessedCommand.started(CommandId.of("cmd-2"), stream, Version.of(1), world.clock.instant()));

        var outcome = handle("cmd-2", new AddItem("book", 1, 1));

        assertThat(outcome.duplicate()).isFalse();
        assertThat(outcome.newVersion()).isEqualTo(Version.of(2));
    }

    @Test
    void a_command_that_loses_a_race_is_run_again_on_the_new_state() {
        handle("cmd-1", new PlaceOrder("ada", "EUR"));
        var runs = new AtomicInteger();

        var outcome = world.processor.handle(Orders.DEFINITION, "o-1", CommandContext.of("cmd-2"), order -> {
            if (runs.incrementAndGet() == 1) {
                handle("cmd-other", new AddItem("theirs", 1, 1));
            }
            order.apply(new ItemAdded("mine", 1, 1));
        });

        assertThat(runs).hasValue(2);
        assertThat(outcome.newVersion()).isEqualTo(Version.of(3));
        OrderState state = world.repository.load(Orders.DEFINITION, "o-1").state();
        assertThat(state.lines()).containsExactly("1 x theirs", "1 x mine");
    }

    @Test
    void a_command_that_decides_nothing_is_remembered_with_no_events() {
        handle("cmd-1", new PlaceOrder("ada", "EUR"));

        var outcome = world.processor.handle(Orders.DEFINITION, "o-1", CommandContext.of("cmd-2"), order -> { });

        assertThat(outcome.events()).isEmpty();
        assertThat(world.commands.find(CommandId.of("cmd-2")))
                .map(ProcessedCommand::newVersion).isEqualTo(Optional.of(Version.of(1)));
    }
}
