package dev.dossier.eventstore.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.application.aggregate.SnapshotWriter;
import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.memory.InMemorySnapshotStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SnapshotWriterTest {
    private final InMemorySnapshotStore store = new InMemorySnapshotStore();

    private static Snapshot snapshot(long version) {
        return new Snapshot(StreamId.of("order", "o-1"), Version.of(version), UUID.randomUUID(), 1, Instant.now(),
                new SnapshotState(version));
    }

    record SnapshotState(long version) {
    }

    @Test
    void the_own_writer_thread_is_a_daemon_named_for_the_store_and_stops_on_close() throws Exception {
        var writer = SnapshotWriter.background(store, "orders-db");
        writer.submit(snapshot(10));
        assertThat(writer.awaitIdle(Duration.ofSeconds(5))).isTrue();
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("dossier-snapshots-orders-db")).findFirst().orElseThrow();
        assertThat(thread.isDaemon()).isTrue();

        writer.close();

        assertThat(thread.isAlive()).isFalse();
        assertThat(writer.written()).isEqualTo(1);
        assertThat(store.load(StreamId.of("order", "o-1"), SnapshotState.class, 1)).isPresent();
    }

    @Test
    void snapshots_queued_for_one_aggregate_are_coalesced_to_the_newest() throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        Executor manual = tasks::add;
        var writer = SnapshotWriter.on(store, manual);
        writer.submit(snapshot(10));
        writer.submit(snapshot(20));
        writer.submit(snapshot(30));

        tasks.forEach(Runnable::run);

        assertThat(tasks).hasSize(1);
        assertThat(writer.awaitIdle(Duration.ZERO)).isTrue();
        assertThat(store.load(StreamId.of("order", "o-1"), SnapshotState.class, 1).orElseThrow().version())
                .isEqualTo(Version.of(30));
    }

    @Test
    void a_failed_snapshot_write_is_counted_and_otherwise_harmless() throws Exception {
        var writer = SnapshotWriter.inline(store);
        writer.submit(new Snapshot(StreamId.of("order", "o-1"), Version.of(1), UUID.randomUUID(), 1, Instant.now(),
                new Object() {
                    public Object getBroken() {
                        throw new IllegalStateException("cannot serialize");
                    }
                }));

        assertThat(writer.failed()).isEqualTo(1);
        assertThat(writer.awaitIdle(Duration.ZERO)).isTrue();
    }
}
