package dev.dossier.infrastructure.contract;

import static dev.dossier.infrastructure.contract.OrderHistory.stored;
import static dev.dossier.infrastructure.contract.OrderHistory.v1;
import static dev.dossier.infrastructure.contract.OrderHistory.v2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.SchemaEvolutionException;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.infrastructure.contract.OrderHistory.ClientSignedUp;
import dev.dossier.infrastructure.contract.OrderHistory.OrderPlaced;
import dev.dossier.infrastructure.contract.OrderHistory.PaymentReceived;
import dev.dossier.infrastructure.schema.Fallback;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upcasting, written once and run on every adapter, so both read an evolved history the same way. */
public abstract class SchemaEvolutionContract {
    private static final StreamId ORDER = StreamId.of("order", "o-1");

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:00Z"));
    private SchemaFixture fixture;
    private EventStorePort store;

    protected abstract SchemaFixture fixture();

    @BeforeEach
    void openStore() {
        fixture = fixture();
        store = fixture.create(EventTypeRegistry.empty(), SchemaEvolution.none(), clock);
    }

    @AfterEach
    void discardStore() {
        fixture.discard(store);
    }

    private EventStorePort reopen(EventTypeRegistry types, SchemaEvolution schemas) {
        store = fixture.reopen(store, types, schemas, clock);
        return store;
    }

    private void appendHistory() {
        store.append(ORDER, ExpectedVersion.any(), List.of(v1("book", "12"), v2("pen", 3, "USD"),
                stored("OrderPlaced", 3, "{\"item\":\"ink\",\"cents\":250,\"currency\":\"EUR\"}")));
    }

    @Test
    void events_of_all_three_versions_on_disk_are_read_back_as_the_newest() {
        appendHistory();

        List<RecordedEvent> events = reopen(OrderHistory.types(), OrderHistory.evolution().build()).readStream(ORDER);

        assertThat(events).extracting(RecordedEvent::payload).containsExactly(
                new OrderPlaced("book", 1200, "EUR"), new OrderPlaced("pen", 300, "USD"), new OrderPlaced("ink", 250, "EUR"));
        assertThat(events).extracting(RecordedEvent::schemaVersion).containsOnly(3);
        assertThat(events.get(0).data().json()).isEqualTo("{\"item\":\"book\",\"currency\":\"EUR\",\"cents\":1200}");
    }

    @Test
    void upcasting_never_changes_what_is_stored() {
        appendHistory();
        reopen(OrderHistory.types(), OrderHistory.evolution().build()).readStream(ORDER);

        RecordedEvent first = reopen(EventTypeRegistry.empty(), SchemaEvolution.none()).readStream(ORDER).get(0);

        assertThat(first.schemaVersion()).isEqualTo(1);
        assertThat(first.data().json()).isEqualTo("{\"item\":\"book\",\"amount\":\"12\",\"note\":\"gift\"}");
    }

    @Test
    void new_events_are_written_with_the_version_their_class_declares() {
        reopen(OrderHistory.types(), OrderHistory.evolution().build());

        var result = store.append(ORDER, ExpectedVersion.any(), NewEvent.of("OrderPlaced", new OrderPlaced("cup", 5, "EUR")));

        assertThat(result.events().get(0).schemaVersion()).isEqualTo(3);
        assertThat(store.readStream(ORDER).get(0).payload()).isEqualTo(new OrderPlaced("cup", 5, "EUR"));
    }

    @Test
    void an_old_type_name_resolves_through_an_alias_to_the_renamed_class() {
        store.append(ORDER, ExpectedVersion.any(), stored("CustomerRegistered", 1, "{\"name\":\"ada\"}"));

        RecordedEvent event = reopen(OrderHistory.types().alias("CustomerRegistered", "ClientSignedUp"),
                SchemaEvolution.none()).readStream(ORDER).get(0);

        assertThat(event.payload()).isEqualTo(new ClientSignedUp("ada"));
        assertThat(event.eventType().value()).isEqualTo("CustomerRegistered");
    }

    @Test
    void a_renamed_event_type_is_read_under_its_new_name() {
        store.append(ORDER, ExpectedVersion.any(), stored("CustomerRegistered", 1, "{\"name\":\"ada\"}"));

        RecordedEvent event = reopen(OrderHistory.types(), OrderHistory.evolution().build()).readStream(ORDER).get(0);

        assertThat(event.eventType().value()).isEqualTo("ClientSignedUp");
        assertThat(event.payload()).isEqualTo(new ClientSignedUp("ada"));
    }

    @Test
    void a_split_event_is_read_as_its_parts_sharing_its_position_version_and_id() {
        store.append(ORDER, ExpectedVersion.any(), List.of(
                stored("OrderPlacedAndPaid", 1, "{\"item\":\"lamp\",\"cents\":900,\"paidBy\":\"card\"}"), v1("bulb", "2")));

        reopen(OrderHistory.types(), OrderHistory.evolution().build());
        List<RecordedEvent> events = store.readStream(ORDER);

        assertThat(events).extracting(RecordedEvent::payload).containsExactly(new OrderPlaced("lamp", 900, "EUR"),
                new PaymentReceived("card"), new OrderPlaced("bulb", 200, "EUR"));
        assertThat(events).extracting(e -> e.version().value()).containsExactly(1L, 1L, 2L);
        assertThat(events).extracting(e -> e.position().value()).containsExactly(1L, 1L, 2L);
        assertThat(events.get(1).eventId()).isEqualTo(events.get(0).eventId());
        assertThat(store.readAll(GlobalPosition.of(1), 1)).hasSize(2);
    }

    @Test
    void a_missing_upcaster_step_is_reported_when_the_store_opens() {
        appendHistory();
        EventTypeRegistry types = OrderHistory.types();
        SchemaEvolution onlyLastStep = OrderHistory.v2ToV3(SchemaEvolution.builder()).build();

        assertThatThrownBy(() -> reopen(types, onlyLastStep))
                .isInstanceOfSatisfying(SchemaEvolutionException.class, e -> {
                    assertThat(e.problem()).isEqualTo(SchemaEvolutionException.Problem.MISSING_UPCASTER);
                    assertThat(e.eventType()).isEqualTo("OrderPlaced");
                    assertThat(e.schemaVersion()).isEqualTo(1);
                })
                .hasMessageContaining("1 stored event cannot be read").hasMessageContaining("no upcaster starts at OrderPlaced v1");
        assertThat(reopen(types, OrderHistory.evolution().build()).readStream(ORDER)).hasSize(3);
    }

    @Test
    void an_event_newer_than_the_code_knows_is_an_error_or_raw_json_never_a_half_filled_object() {
        store.append(ORDER, ExpectedVersion.any(), stored("OrderPlaced", 4, "{\"item\":\"x\",\"cents\":1,\"tax\":2}"));

        reopen(OrderHistory.types(), OrderHistory.evolution().build());
        assertThatThrownBy(() -> store.readStream(ORDER)).isInstanceOfSatisfying(SchemaEvolutionException.class,
                e -> assertThat(e.problem()).isEqualTo(SchemaEvolutionException.Problem.NEWER_THAN_KNOWN))
                .hasMessageContaining("newer than the current version 3");

        reopen(OrderHistory.types(), OrderHistory.evolution().onNewerVersion(Fallback.RAW_JSON).build());
        assertThat(store.readStream(ORDER).get(0).payload()).isEqualTo(RawJson.of("{\"item\":\"x\",\"cents\":1,\"tax\":2}"));
    }

    @Test
    void an_unknown_type_is_raw_json_by_default_and_an_error_when_configured() {
        store.append(ORDER, ExpectedVersion.any(), stored("Mystery", 1, "{\"a\":1}"));

        assertThat(reopen(OrderHistory.types(), SchemaEvolution.none()).readStream(ORDER).get(0).payload())
                .isEqualTo(RawJson.of("{\"a\":1}"));
        reopen(OrderHistory.types(), SchemaEvolution.builder().onUnknownType(Fallback.FAIL).build());
        assertThatThrownBy(() -> store.readStream(ORDER)).isInstanceOfSatisfying(SchemaEvolutionException.class,
                e -> assertThat(e.problem()).isEqualTo(SchemaEvolutionException.Problem.UNKNOWN_TYPE));
    }

    @Test
    void an_upcaster_that_does_not_fit_the_payload_is_a_clear_error() {
        store.append(ORDER, ExpectedVersion.any(), v1("book", "twelve"));

        reopen(OrderHistory.types(), OrderHistory.evolution().build());

        assertThatThrownBy(() -> store.readStream(ORDER)).isInstanceOf(SchemaEvolutionException.class)
                .hasMessageContaining("field 'price'").hasMessageContaining("cannot become INTEGER");
    }
}
