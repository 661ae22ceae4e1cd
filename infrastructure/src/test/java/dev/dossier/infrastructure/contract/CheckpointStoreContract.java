package dev.dossier.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.Checkpoint;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.CheckpointStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link CheckpointStore}, written once and run against every adapter. */
public abstract class CheckpointStoreContract {
    private static final SubscriberName BILLING = SubscriberName.of("billing");
    private static final SubscriberName SHIPPING = SubscriberName.of("shipping.v2");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private SubscriptionStoreFixture fixture;
    protected CheckpointStore store;

    protected abstract SubscriptionStoreFixture fixture();

    @BeforeEach
    void create() {
        fixture = fixture();
        store = fixture.createCheckpoints();
    }

    @AfterEach
    void discard() {
        fixture.discard();
    }

    @Test
    void a_subscriber_that_never_saved_has_no_checkpoint() {
        assertThat(store.load(BILLING)).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void a_saved_checkpoint_loads_as_saved() {
        store.save(new Checkpoint(BILLING, 42, AT));

        assertThat(store.load(BILLING)).contains(new Checkpoint(BILLING, 42, AT));
        assertThat(store.load(SHIPPING)).isEmpty();
    }

    @Test
    void a_later_save_replaces_the_checkpoint_even_when_it_moves_back() {
        store.save(new Checkpoint(BILLING, 42, AT));
        store.save(new Checkpoint(BILLING, 99, AT.plusSeconds(1)));
        assertThat(store.load(BILLING).orElseThrow().position()).isEqualTo(99);

        store.save(new Checkpoint(BILLING, 7, AT.plusSeconds(2)));
        assertThat(store.load(BILLING).orElseThrow().position()).isEqualTo(7);
    }

    @Test
    void position_zero_means_nothing_was_dealt_with_yet() {
        store.save(new Checkpoint(BILLING, 0, AT));

        assertThat(store.load(BILLING).orElseThrow().next().value()).isEqualTo(1);
    }

    @Test
    void checkpoints_survive_a_restart() {
        store.save(new Checkpoint(BILLING, 42, AT));

        assertThat(fixture.reopen(store).load(BILLING)).contains(new Checkpoint(BILLING, 42, AT));
    }

    @Test
    void a_deleted_checkpoint_is_gone_and_deleting_a_missing_one_is_harmless() {
        store.save(new Checkpoint(BILLING, 42, AT));
        store.delete(BILLING);
        store.delete(SHIPPING);

        assertThat(store.load(BILLING)).isEmpty();
    }

    @Test
    void the_list_holds_every_checkpoint_by_subscriber_name() {
        store.save(new Checkpoint(SHIPPING, 5, AT));
        store.save(new Checkpoint(BILLING, 3, AT));

        assertThat(store.list()).extracting(Checkpoint::subscriber).containsExactly(BILLING, SHIPPING);
    }

    @Test
    void concurrent_saves_of_many_subscribers_each_keep_their_own_last_position() {
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            SubscriberName name = SubscriberName.of("writer-" + w);
            writers.add(CompletableFuture.runAsync(() -> IntStream.rangeClosed(1, 25)
                    .forEach(i -> store.save(new Checkpoint(name, i, AT)))));
        }
        writers.forEach(CompletableFuture::join);

        assertThat(store.list()).hasSize(4).allSatisfy(c -> assertThat(c.position()).isEqualTo(25));
    }

    @Test
    void names_that_are_not_plain_file_names_are_refused() {
        for (String bad : List.of("", "../up", "a/b", ".hidden", "x".repeat(101), "naïve")) {
            assertThatThrownBy(() -> SubscriberName.of(bad)).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> new Checkpoint(BILLING, -1, AT)).isInstanceOf(InvalidInputException.class);
    }
}
