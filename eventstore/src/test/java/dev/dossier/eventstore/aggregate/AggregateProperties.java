package dev.dossier.eventstore.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.application.aggregate.AggregateDefinition;
import dev.dossier.application.aggregate.SnapshotPolicy;
import dev.dossier.application.command.CommandAction;
import dev.dossier.application.command.CommandContext;
import dev.dossier.application.command.CommandOutcome;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.Version;
import dev.dossier.eventstore.demo.OrderCommands.AddItem;
import dev.dossier.eventstore.demo.OrderCommands.PlaceOrder;
import dev.dossier.eventstore.demo.OrderEvents.ItemAdded;
import dev.dossier.eventstore.demo.OrderEvents.OrderPlaced;
import dev.dossier.eventstore.demo.OrderState;
import dev.dossier.eventstore.demo.Orders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AggregateProperties {

    @Property(tries = 200)
    void loading_with_snapshots_equals_loading_without_for_any_history_and_interval(
            @ForAll @Size(min = 1, max = 12) List<@Size(min = 1, max = 6) List<@IntRange(min = 1, max = 9) Integer>> saves,
            @ForAll @IntRange(min = 1, max = 10) int interval,
            @ForAll @IntRange(min = 0, max = 80) int probeVersion) {
        var world = new OrderWorld();
        AggregateDefinition<OrderState> snapshotted = Orders.DEFINITION
                .withSnapshots(SnapshotPolicy.every(interval, OrderState.class, 1));
        var withSnapshots = world.repository;
        int sku = 0;
        for (List<Integer> batch : saves) {
            var order = withSnapshots.load(snapshotted, "o-1");
            if (order.isNew()) {
                order.apply(new OrderPlaced("ada", "EUR"));
            }
            for (int quantity : batch) {
                order.apply(new ItemAdded("sku-" + sku++, quantity, 100L * quantity));
            }
            withSnapshots.save(order);
        }
        var plain = world.repository(false);

        var fast = withSnapshots.load(snapshotted, "o-1");
        var slow = plain.load(Orders.DEFINITION, "o-1");
        assertThat(fast.state()).isEqualTo(slow.state());
        assertThat(fast.version()).isEqualTo(slow.version());
        assertThat(withSnapshots.stateAt(snapshotted, "o-1", Version.of(probeVersion)))
                .isEqualTo(plain.stateAt(Orders.DEFINITION, "o-1", Version.of(probeVersion)));
    }

    @Property(tries = 200)
    void a_command_id_handled_twice_produces_its_events_once(
            @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 6) Integer> commandIds) {
        var world = new OrderWorld();
        world.processor.handle(Orders.DEFINITION, "o-1", CommandContext.of("place"),
                CommandAction.deciding(new PlaceOrder("ada", "EUR")::decide));
        Map<String, CommandOutcome> first = new HashMap<>();

        for (int i = 0; i < commandIds.size(); i++) {
            String id = "cmd-" + commandIds.get(i);
            var outcome = world.processor.handle(Orders.DEFINITION, "o-1", CommandContext.of(id),
                    CommandAction.deciding(new AddItem("sku-" + i, 1, 100)::decide));
            CommandOutcome earlier = first.putIfAbsent(id, outcome);
            assertThat(outcome.duplicate()).isEqualTo(earlier != null);
            if (earlier != null) {
                assertThat(outcome.events()).isEqualTo(earlier.events());
                assertThat(outcome.newVersion()).isEqualTo(earlier.newVersion());
            }
        }

        List<RecordedEvent> stream = world.store.readStream(Orders.DEFINITION.streamOf("o-1"));
        assertThat(stream).hasSize(1 + first.size());
        first.forEach((id, outcome) -> assertThat(stream.stream()
                .filter(e -> e.causationId().equals(Optional.of(id))).toList()).isEqualTo(outcome.events()));
    }
}
