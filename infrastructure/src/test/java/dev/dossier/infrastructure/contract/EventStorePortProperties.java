package dev.dossier.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.EventStorePort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The invariants of {@link EventStorePort} as properties: round trips of arbitrary names and payloads,
 * version arithmetic, and random sequences of operations checked against a simple model.
 */
public abstract class EventStorePortProperties {

    protected abstract StoreFixture fixture();

    private final Clock clock = Clock.systemUTC();

    @Property(tries = 200)
    void any_printable_names_and_json_payloads_round_trip(@ForAll("names") String type, @ForAll("names") String id,
                                                        @ForAll("names") String eventType,
                                                        @ForAll("jsonTexts") String json) {
        StoreFixture fixture = fixture();
        EventStorePort store = fixture.create(EventTypeRegistry.empty(), clock);
        try {
            StreamId stream = StreamId.of(type, id);
            var written = store.append(stream, ExpectedVersion.noStream(), NewEvent.of(eventType, RawJson.of(json)));
            store = fixture.reopen(store, EventTypeRegistry.empty(), clock);

            List<RecordedEvent> read = store.readStream(stream);
            assertThat(read).isEqualTo(written.events());
            assertThat(read.get(0).eventType().value()).isEqualTo(eventType);
            assertThat(read.get(0).stream()).isEqualTo(stream);
            assertThat(store.readAll(GlobalPosition.FIRST, 10)).isEqualTo(read);
        } finally {
            fixture.discard(store);
        }
    }

    @Property(tries = 100)
    void versions_rise_by_exactly_the_number_of_events_appended_and_stale_versions_always_fail(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 5) Integer> batches,
            @ForAll @IntRange(min = 1, max = 40) int staleBy) {
        StoreFixture fixture = fixture();
        EventStorePort store = fixture.create(TestEvents.registry(), clock);
        try {
            StreamId stream = StreamId.of("account", "a");
            long version = 0;
            for (int size : batches) {
                var result = store.append(stream, ExpectedVersion.exactly(version), TestEvents.deposits(size));
                assertThat(result.newVersion().value()).isEqualTo(version + size);
                version += size;
            }
            long stale = Math.max(0, version - staleBy);
            long expected = stale == version ? version + staleBy : stale;
            assertThatThrownBy(() -> store.append(stream, ExpectedVersion.exactly(expected), TestEvents.deposited(1)))
                    .isInstanceOf(ConcurrencyConflictException.class);
            assertThat(store.currentVersion(stream)).isEqualTo(Version.of(version));
            assertThat(store.countEvents()).isEqualTo(version);
        } finally {
            fixture.discard(store);
        }
    }

    @Property(tries = 150)
    void random_operations_match_a_simple_model(@ForAll("operations") List<Operation> operations) {
        StoreFixture fixture = fixture();
        EventStorePort store = fixture.create(EventTypeRegistry.empty(), clock);
        var model = new HashMap<StreamId, List<String>>();
        var global = new ArrayList<String>();
        try {
            for (Operation op : operations) {
                if (op.kind == Kind.REOPEN) {
                    store = fixture.reopen(store, EventTypeRegistry.empty(), clock);
                    continue;
                }
                StreamId stream = StreamId.of("s", "stream-" + op.stream);
                List<String> events = model.computeIfAbsent(stream, s -> new ArrayList<>());
                long current = events.size();
                ExpectedVersion expected = switch (op.kind) {
                    case ANY -> ExpectedVersion.any();
                    case EXACT -> ExpectedVersion.exactly(current);
                    case STALE -> ExpectedVersion.exactly(current + 1);
                    case NO_STREAM -> ExpectedVersion.noStream();
                    default -> throw new IllegalStateException();
                };
                boolean shouldFail = op.kind == Kind.STALE || (op.kind == Kind.NO_STREAM && current > 0);
                var batch = new ArrayList<NewEvent>();
                for (int i = 0; i < op.count; i++) {
                    batch.add(NewEvent.of("E", RawJson.of("{\"n\":" + (global.size() + i) + "}")));
                }
                EventStorePort target = store;
                if (shouldFail) {
                    assertThatThrownBy(() -> target.append(stream, expected, batch))
                            .isInstanceOf(ConcurrencyConflictException.class);
                } else {
                    target.append(stream, expected, batch);
                    batch.forEach(e -> {
                        String json = ((RawJson) e.payload()).json();
                        events.add(json);
                        global.add(json);
                    });
                }
            }
            for (var entry : model.entrySet()) {
                assertThat(store.readStream(entry.getKey())).extracting(e -> e.data().json())
                        .containsExactlyElementsOf(entry.getValue());
                assertThat(store.currentVersion(entry.getKey()).value()).isEqualTo(entry.getValue().size());
            }
            assertThat(store.readAll(GlobalPosition.FIRST, 100_000)).extracting(e -> e.data().json())
                    .containsExactlyElementsOf(global);
        } finally {
            fixture.discard(store);
        }
    }

    enum Kind { ANY, EXACT, STALE, NO_STREAM, REOPEN }

    record Operation(Kind kind, int stream, int count) {
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> op = Combinators.combine(
                Arbitraries.of(Kind.class).edgeCases(c -> c.includeOnly(Kind.EXACT)),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 3)).as(Operation::new);
        return op.list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> ascii = Arbitraries.strings().alpha().numeric().withChars("._-/\\ %^:*?\"<>|~")
                .ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange(' ', '\uD7FF').withCharRange('\uE000', '\uFFFD')
                .ofMinLength(1).ofMaxLength(20).filter(s -> s.chars().noneMatch(Character::isISOControl));
        Arbitrary<String> special = Arbitraries.of(".", "..", "metadata", "CON", "nul.txt", "a/../b", "Ünïcödé",
                "e\u0301", "\u00e9", "x.", "😀", "Order", "order");
        return Arbitraries.oneOf(ascii, unicode, special);
    }

    @Provide
    Arbitrary<String> jsonTexts() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(40)
                .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        Arbitrary<String> number = Arbitraries.longs().map(n -> Long.toString(n));
        Arbitrary<String> object = Combinators.combine(text, number, text)
                .as((k, n, v) -> "{" + k + ":" + n + ",\"nested\":{\"v\":" + v + ",\"list\":[1,2,null,true]}}");
        return Arbitraries.oneOf(text, number, object, Arbitraries.of("null", "[]", "{}", "true"));
    }
}
