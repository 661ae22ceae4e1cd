package dev.dossier.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.ParkedEventStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ParkedEventStore}, written once and run against every adapter. */
public abstract class ParkedEventStoreContract {
    private static final SubscriberName BILLING = SubscriberName.of("billing");
    private static final SubscriberName SHIPPING = SubscriberName.of("shipping");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private SubscriptionStoreFixture fixture;
    protected ParkedEventStore store;

    protected abstract SubscriptionStoreFixture fixture();

    @BeforeEach
    void create() {
        fixture = fixture();
        store = fixture.createParked();
    }

    @AfterEach
    void discard() {
        fixture.discard();
    }

    private static ParkedEvent parked(SubscriberName subscriber, long position) {
        return new ParkedEvent(subscriber, GlobalPosition.of(position), UUID.nameUUIDFromBytes(("e" + position)
                .getBytes()), EventType.of("OrderPlaced"), StreamId.of("order", "o-" + position), 5,
                "java.lang.IllegalStateException: no such sku", AT, false);
    }

    @Test
    void an_empty_area_lists_nothing() {
        assertThat(store.list(Optional.empty())).isEmpty();
        assertThat(store.find(BILLING, GlobalPosition.of(1))).isEmpty();
    }

    @Test
    void a_parked_event_names_its_subscriber_event_and_error_and_survives_a_restart() {
        store.park(parked(BILLING, 12));

        assertThat(fixture.reopen(store).find(BILLING, GlobalPosition.of(12))).contains(parked(BILLING, 12));
    }

    @Test
    void the_list_is_by_subscriber_then_position_and_can_be_narrowed_to_one_subscriber() {
        store.park(parked(SHIPPING, 3));
        store.park(parked(BILLING, 40));
        store.park(parked(BILLING, 9));

        assertThat(store.list(Optional.empty())).extracting(p -> p.subscriber() + "@" + p.position())
                .containsExactly("billing@9", "billing@40", "shipping@3");
        assertThat(store.list(Optional.of(SHIPPING))).containsExactly(parked(SHIPPING, 3));
    }

    @Test
    void a_replay_request_marks_one_or_all_of_a_subscribers_events_and_a_removed_one_is_gone() {
        store.park(parked(BILLING, 9));
        store.park(parked(BILLING, 40));
        store.park(parked(SHIPPING, 3));

        assertThat(store.requestReplay(BILLING, Optional.of(GlobalPosition.of(40)))).isEqualTo(1);
        assertThat(store.find(BILLING, GlobalPosition.of(40)).orElseThrow().replayRequested()).isTrue();
        assertThat(store.find(BILLING, GlobalPosition.of(9)).orElseThrow().replayRequested()).isFalse();
        assertThat(store.requestReplay(BILLING, Optional.empty())).isEqualTo(2);
        assertThat(store.find(SHIPPING, GlobalPosition.of(3)).orElseThrow().replayRequested()).isFalse();

        store.remove(BILLING, GlobalPosition.of(9));
        store.remove(BILLING, GlobalPosition.of(1000));
        assertThat(store.list(Optional.of(BILLING))).extracting(ParkedEvent::position)
                .containsExactly(GlobalPosition.of(40));
    }
}
