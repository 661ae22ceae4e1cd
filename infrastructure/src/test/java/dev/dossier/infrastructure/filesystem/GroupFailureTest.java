package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.error.EventSerializationException;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends committed together (group commit) fail one by one: a bad payload fails only its own append. */
class GroupFailureTest {
    record Placed(int amount) {
    }

    @TempDir
    Path dir;

    @Test
    void a_payload_that_does_not_fit_its_class_fails_only_its_own_append_among_concurrent_ones() throws Exception {
        var options = FileStoreOptions.at(dir.resolve("store"))
                .withEventTypes(EventTypeRegistry.empty().register("Placed", Placed.class));
        var refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try (var store = FileSystemEventStore.open(options)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < 4; t++) {
                StreamId stream = StreamId.of("order", "good-" + t);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        store.append(stream, ExpectedVersion.exactly(i), NewEvent.of("Placed", RawJson.of("{\"amount\":1}")));
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 60; i++) {
                    try {
                        store.append(StreamId.of("order", "bad"), ExpectedVersion.any(),
                                NewEvent.of("Placed", RawJson.of("{\"amount\":\"many\"}")));
                    } catch (EventSerializationException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
            for (Future<?> future : futures) {
                future.get();
            }
            for (int t = 0; t < 4; t++) {
                assertThat(store.readStream(StreamId.of("order", "good-" + t))).hasSize(60);
            }
            assertThat(store.readStream(StreamId.of("order", "bad"))).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused).hasValue(60);
    }
}
