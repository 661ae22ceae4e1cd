package dev.dossier.eventstore.aggregate;

import dev.dossier.application.aggregate.AggregateRepository;
import dev.dossier.application.aggregate.SnapshotWriter;
import dev.dossier.application.command.CommandProcessor;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.demo.Orders;
import dev.dossier.infrastructure.contract.SteppingClock;
import dev.dossier.infrastructure.memory.InMemoryEventStore;
import dev.dossier.infrastructure.memory.InMemoryProcessedCommandStore;
import dev.dossier.infrastructure.memory.InMemorySnapshotStore;
import java.time.Instant;

/** An in-memory store with the order domain, a repository writing snapshots inline, and a command processor. */
final class OrderWorld {
    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:00Z"));
    final EventStorePort store = InMemoryEventStore.create(Orders.registry(), clock);
    final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
    final InMemoryProcessedCommandStore commands = new InMemoryProcessedCommandStore();
    final AggregateRepository repository = repository(true);
    final CommandProcessor processor = CommandProcessor.builder().repository(repository).streams(store)
            .processed(commands).clock(clock).build();

    /** A repository over the same store, with or without the snapshot store. */
    AggregateRepository repository(boolean withSnapshots) {
        return AggregateRepository.builder().events(store).types(Orders.registry()).clock(clock)
                .snapshots(withSnapshots ? SnapshotWriter.inline(snapshots) : null).build();
    }
}
