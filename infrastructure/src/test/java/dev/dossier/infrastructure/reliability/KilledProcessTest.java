package dev.dossier.infrastructure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.filesystem.Durability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a {@link ContinuousAppender} (three threads appending single events and batches) with SIGKILL at
 * random moments, then reopens the store, audits it ({@link StoreAudit}) and checks that every event the
 * child had reported as acknowledged is there at its position, that every batch is whole or absent and that
 * nothing unknown appeared. A store directory serves ten kills, then a fresh one starts (keeps audits cheap).
 * <p>
 * 50 kills by default; a soak run sets the count: {@code mvn -pl infrastructure -am verify
 * -Dtest=KilledProcessTest -Dsurefire.failIfNoSpecifiedTests=false -Ddossier.soak.kills=1000}.
 * Odd kills use {@link Durability#OS_BUFFERED} (a SIGKILL does not lose the page cache, so this is as safe
 * and much faster), even kills {@link Durability#SYNC}.
 */
class KilledProcessTest {
    private static final int KILLS = Integer.getInteger("dossier.soak.kills", 50);
    private static final int KILLS_PER_STORE = 10;

    @TempDir
    Path dir;

    @Test
    void a_store_killed_at_random_moments_keeps_every_acknowledged_event_and_accepts_appends_again()
            throws Exception {
        var random = new Random(Long.getLong("dossier.soak.seed", System.nanoTime()));
        long acknowledged = 0;
        long started = System.nanoTime();
        Map<UUID, Long> ackedInStore = new HashMap<>();
        List<List<UUID>> triedInStore = new ArrayList<>();
        Path root = null;
        for (int kill = 0; kill < KILLS; kill++) {
            if (kill % KILLS_PER_STORE == 0) {
                root = dir.resolve("store-" + kill);
                ackedInStore.clear();
                triedInStore.clear();
            }
            String durability = kill % 2 == 0 ? "os-buffered" : "sync";
            Process child = ChildJvm.start(ContinuousAppender.class, root.toString(), durability, "3");
            var output = new ChildOutput(child.getInputStream());
            int target = 1 + random.nextInt(150);
            boolean reached;
            try {
                reached = output.awaitAcknowledged(target, Duration.ofSeconds(30));
            } finally {
                child.destroyForcibly().waitFor();
            }
            output.awaitEnd();
            assertThat(reached).as("the child acknowledged %d events before the deadline", target).isTrue();

            ackedInStore.putAll(output.acknowledged());
            triedInStore.clear();
            triedInStore.addAll(triedBatches(ContinuousAppender.triesLog(root)));
            acknowledged += output.acknowledged().size();
            verify(StoreAudit.check(root, Durability.OS_BUFFERED), ackedInStore, triedInStore);
        }
        System.out.printf("[reliability] killed processes: %d SIGKILLs, %d acknowledged events, 0 lost, %d s%n",
                KILLS, acknowledged, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** Every batch the children of this store tried, from their log file (complete lines only). */
    private static List<List<UUID>> triedBatches(Path log) throws java.io.IOException {
        String text = java.nio.file.Files.readString(log);
        var batches = new ArrayList<List<UUID>>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (line.startsWith("TRY ")) {
                batches.add(java.util.Arrays.stream(line.substring(4).split(" ")).map(UUID::fromString).toList());
            }
        }
        return batches;
    }

    private static void verify(List<RecordedEvent> events, Map<UUID, Long> acked, List<List<UUID>> tried) {
        Map<UUID, Long> found = new HashMap<>();
        events.forEach(e -> found.put(e.eventId(), e.position().value()));
        acked.forEach((id, position) ->
                assertThat(found.get(id)).as("acknowledged event %s at position %d", id, position).isEqualTo(position));
        Set<UUID> triedIds = new HashSet<>();
        for (List<UUID> batch : tried) {
            long present = batch.stream().filter(found::containsKey).count();
            assertThat(present).as("batch %s is whole or absent", batch).isIn(0L, (long) batch.size());
            triedIds.addAll(batch);
        }
        assertThat(events).as("no event nobody tried")
                .allMatch(e -> e.stream().type().value().equals("audit") || triedIds.contains(e.eventId()));
    }
}
