package dev.dossier.infrastructure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.error.EventStoreException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StoreHealth;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A fixed, single-threaded sequence of appends, batches, a deliberate conflict, reads, closes and reopens
 * against a store whose path may belong to a faulty file system. Every step either succeeds or fails with
 * an {@link EventStoreException} (anything else fails the test); a store that turned read-only is closed
 * and opened again, as an operator would.
 */
final class ScriptedWorkload {
    private static final StreamId A = StreamId.of("account", "a");
    private static final StreamId B = StreamId.of("account", "B b");
    private static final StreamId C = StreamId.of("order", "c");

    private final Path root;
    private final AppendLedger ledger;
    private final Runnable onFailure;
    private FileSystemEventStore store;
    private int failedSteps;
    private boolean openedOnce;

    ScriptedWorkload(Path root, AppendLedger ledger, Runnable onFailure) {
        this.root = root;
        this.ledger = ledger;
        this.onFailure = onFailure;
    }

    /** Runs every step; returns how many failed. */
    int run() {
        append(A, 1);
        append(B, 3);
        append(A, 1);
        conflictOn(A);
        append(C, 2);
        reopen();
        append(A, 2);
        readEverything();
        append(B, 1);
        append(C, 4);
        append(B, 12);
        pack();
        append(B, 1);
        reopen();
        append(A, 1);
        close();
        return failedSteps;
    }

    private void append(StreamId stream, int count) {
        List<NewEvent> batch = IntStream.rangeClosed(1, count)
                .mapToObj(i -> NewEvent.of("Noted", RawJson.of("{\"n\":" + i + ",\"text\":\"" + "x".repeat(40 * i) + "\"}")))
                .toList();
        step(() -> {
            ledger.attempt(batch);
            ledger.acknowledge(store.append(stream, ExpectedVersion.any(), batch));
        });
    }

    private void conflictOn(StreamId stream) {
        step(() -> {
            boolean exists = store.exists(stream);
            List<NewEvent> batch = List.of(NewEvent.of("Noted", RawJson.of("{}")));
            ledger.attempt(batch);
            try {
                ledger.acknowledge(store.append(stream, ExpectedVersion.noStream(), batch));
                assertThat(exists).as("an append expecting no stream succeeded on an existing stream").isFalse();
            } catch (ConcurrencyConflictException expected) {
                assertThat(expected.stream()).isEqualTo(stream);
            }
        });
    }

    private void pack() {
        step(() -> store.pack());
    }

    private void readEverything() {
        step(() -> store.readAll(GlobalPosition.FIRST, 1000));
    }

    private void reopen() {
        close();
        step(() -> {
        });
    }

    private void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    private void step(Runnable action) {
        try {
            if (store == null) {
                store = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.SYNC)
                        .withRegistryInterval(3).withCheckpointInterval(4).withPackKeep(2).withInlineCheckpoints(true));
                openedOnce = true;
            }
            action.run();
        } catch (EventStoreException e) {
            failedSteps++;
            onFailure.run();
            if (store != null && store.health().status() == StoreHealth.Status.READ_ONLY) {
                close();
            }
        }
    }

    boolean openedOnce() {
        return openedOnce;
    }
}
