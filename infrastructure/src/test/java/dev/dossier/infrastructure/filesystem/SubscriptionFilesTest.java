package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.Checkpoint;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.CommitNotifications;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The subscription areas on disk: readable files, accepted by verify; and the commit watcher. */
class SubscriptionFilesTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private final FileSystemSubscriptionFixture fixture = new FileSystemSubscriptionFixture();

    @AfterEach
    void discard() {
        fixture.discard();
    }

    @Test
    void a_checkpoint_is_a_readable_json_file_named_for_its_subscriber() throws Exception {
        var checkpoints = FileSystemCheckpointStore.open(fixture.options());
        checkpoints.save(new Checkpoint(SubscriberName.of("billing"), 42, AT));

        String text = Files.readString(fixture.options().root().resolve("checkpoints/billing.json"));
        assertThat(text).contains("\"format\": \"dossier-checkpoint\"", "\"subscriber\": \"billing\"",
                "\"position\": 42", "\"savedAt\": \"2026-11-23T10:00:00Z\"");
    }

    @Test
    void a_parked_event_file_names_the_subscriber_the_event_and_the_error() throws Exception {
        var parked = FileSystemParkedEventStore.open(fixture.options());
        parked.park(new ParkedEvent(SubscriberName.of("billing"), GlobalPosition.of(7), UUID.randomUUID(),
                EventType.of("OrderPlaced"), StreamId.of("order", "o-1"), 3, "boom", AT, false));

        String text = Files.readString(fixture.options().root().resolve("parked/billing/00000000000000000007.json"),
                StandardCharsets.UTF_8);
        assertThat(text).contains("\"subscriber\": \"billing\"", "\"position\": 7", "\"eventType\": \"OrderPlaced\"",
                "\"aggregateId\": \"o-1\"", "\"attempts\": 3", "\"error\": \"boom\"");
    }

    @Test
    void verify_accepts_a_store_with_checkpoints_parked_events_and_read_models() {
        FileSystemCheckpointStore.open(fixture.options()).save(new Checkpoint(SubscriberName.of("a"), 0, AT));
        FileSystemParkedEventStore.open(fixture.options()).park(new ParkedEvent(SubscriberName.of("a"),
                GlobalPosition.of(1), UUID.randomUUID(), EventType.of("E"), StreamId.of("t", "i"), 1, "x", AT, false));
        FileSystemReadModelStore.open(fixture.options()).put("orders.g1", "o-1", java.util.Map.of("total", 3));

        assertThat(FileStoreVerifier.at(fixture.options().root()).verify().problems()).isEmpty();
    }

    @Test
    void a_listener_hears_of_commits_made_through_another_store_object_on_the_same_directory() throws Exception {
        try (var subscriberSide = FileSystemEventStore.open(fixture.options());
             var writerSide = FileSystemEventStore.open(fixture.options())) {
            var heard = new Semaphore(0);
            try (CommitNotifications.Registration ignored = subscriberSide.onCommit(heard::release)) {
                writerSide.append(StreamId.of("order", "o-1"), ExpectedVersion.any(),
                        NewEvent.of("OrderPlaced", RawJson.of("{}")));

                assertThat(heard.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void without_file_notifications_the_polling_fallback_still_hears_of_another_writers_commit() throws Exception {
        try (var writer = FileSystemEventStore.open(fixture.options());
             var watcher = new IndexWatcher(fixture.options().root().resolve("metadata/event-index.jsonl"), false)) {
            var heard = new Semaphore(0);
            watcher.onCommit(heard::release);

            writer.append(StreamId.of("order", "o-1"), ExpectedVersion.any(), NewEvent.of("OrderPlaced", RawJson.of("{}")));

            assertThat(heard.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
