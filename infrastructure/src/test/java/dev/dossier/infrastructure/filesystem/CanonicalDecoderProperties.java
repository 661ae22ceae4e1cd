package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.EventUpcaster;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.json.PayloadCodec;
import dev.dossier.infrastructure.schema.FieldTransformation;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Reading an event through its index entry (the canonical reader first, the full decoder when the bytes
 * are unusual) gives exactly what the full decoder gives: the same event, payload and tree for every event
 * Dossier writes, and the same event or the same error for damaged bytes.
 */
class CanonicalDecoderProperties {
    /** A registered payload class, bound while the envelope is read. */
    record Point(int x, int y) {
    }

    /** A registered payload class whose decimals show whether they were read from the text or from a double. */
    record Paid(java.math.BigDecimal amount) {
    }

    /** Bound v1 is upcast while it is bound (field changes), Custom v1 through a tree (code). */
    private static final SchemaEvolution EVOLUTION = SchemaEvolution.builder()
            .fields("Bound", 1, FieldTransformation.rename("left", "x"), FieldTransformation.add("y", 0))
            .fields("Paid", 1, FieldTransformation.rename("amt", "amount"))
            .custom("Custom", 1, tree -> tree)
            .build();
    private static final byte[] DAMAGE = {'"', '\\', ' ', '\n', '{', '}', '[', ',', ':', '0', '9', 'a', 'n', (byte) 0xC3, 0};

    private final PayloadCodec payloads = new PayloadCodec(
            EventTypeRegistry.empty().register("Bound", Point.class, 2).register("Paid", Paid.class, 2), 1 << 20);
    private final EventFileCodec codec = new EventFileCodec(payloads);
    private final EventUpcaster upcaster = new EventUpcaster(EVOLUTION, payloads);
    private final PayloadReading reading = new PayloadReading.Upcasting(upcaster);

    @Property(tries = 400)
    void events_read_through_their_entry_equal_what_the_full_decoder_reads(@ForAll("events") RecordedEvent event) {
        byte[] file = codec.encode(event);
        IndexEntry entry = entryOf(event, file.length);
        byte[] line = RangeLines.line(entry.stamp(), file);
        assertThat(outcome(() -> codec.decode(entry, file, 0, file.length, false, () -> "f", reading)))
                .isEqualTo(outcome(() -> codec.decode("f", file, reading::upcasts)));
        byte[] padded = pad(line);
        assertThat(outcome(() -> codec.decode(entry, padded, 3, 3 + line.length, true, () -> "f", reading)))
                .isEqualTo(outcome(() -> codec.decode("f", line, reading::upcasts)));
    }

    @Property(tries = 1500)
    void damaged_bytes_give_the_full_decoders_event_or_error(@ForAll("events") RecordedEvent event,
                                                            @ForAll @IntRange(min = 0, max = 10_000) int where,
                                                            @ForAll @IntRange(min = 0, max = 2) int how,
                                                            @ForAll @IntRange(min = 0, max = 14) int which,
                                                            @ForAll boolean asLine) {
        byte[] file = codec.encode(event);
        IndexEntry entry = entryOf(event, file.length);
        byte[] bytes = damage(asLine ? RangeLines.line(entry.stamp(), file) : file, where, how, DAMAGE[which]);
        assertThat(outcome(() -> checked(entry, codec.decode(entry, bytes, 0, bytes.length, asLine, () -> "f", reading))))
                .isEqualTo(outcome(() -> checked(entry, codec.decode("f", bytes, reading::upcasts))));
    }

    private static EventFileCodec.Decoded checked(IndexEntry entry, EventFileCodec.Decoded decoded) {
        EventMatch.check(entry, decoded.event(), () -> "f");
        return decoded;
    }

    /** What a read gave once upcast (as the store finishes a decoded event): the events, or the error. */
    record Outcome(List<RecordedEvent> events, String error) {
    }

    private Outcome outcome(java.util.function.Supplier<EventFileCodec.Decoded> decode) {
        try {
            EventFileCodec.Decoded decoded = decode.get();
            List<RecordedEvent> events = decoded.dataTree() != null
                    ? upcaster.upcast(decoded.event(), decoded.dataTree()) : upcaster.read(decoded.event());
            events.forEach(event -> event.data().json());
            return new Outcome(events, null);
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static byte[] damage(byte[] bytes, int where, int how, byte with) {
        int at = where % bytes.length;
        return switch (how) {
            case 0 -> {
                byte[] copy = bytes.clone();
                copy[at] = with;
                yield copy;
            }
            case 1 -> {
                byte[] copy = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                copy[at] = with;
                System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
                yield copy;
            }
            default -> {
                byte[] copy = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
                yield copy;
            }
        };
    }

    private static byte[] pad(byte[] line) {
        byte[] padded = new byte[line.length + 6];
        Arrays.fill(padded, (byte) 'x');
        System.arraycopy(line, 0, padded, 3, line.length);
        return padded;
    }

    private static IndexEntry entryOf(RecordedEvent event, int bytes) {
        return new IndexEntry(event.position().value(), new EventStamp(event.timestamp().toEpochMilli(), 0),
                event.stream(), event.version().value(), event.eventType(), event.schemaVersion(), event.eventId(), bytes);
    }

    @Provide
    Arbitrary<RecordedEvent> events() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> texts = Arbitraries.oneOf(plain, Arbitraries.strings().ofMinLength(1).ofMaxLength(10));
        Arbitrary<String> names = texts.filter(t -> !t.isBlank() && t.chars().noneMatch(Character::isISOControl));
        Arbitrary<Map<String, String>> metadata = Arbitraries.maps(names, texts).ofMaxSize(3);
        Arbitrary<String> types = Arbitraries.oneOf(Arbitraries.of("Bound", "Paid", "Custom", "Other"), names);
        Arbitrary<String> payloads = Arbitraries.of("{\"x\":1,\"y\":2}", "{\"x\":-7,\"y\":0}", "{}", "[1,{\"a\":[]}]",
                "{\"left\":3}", "{\"amt\":1.10}", "{\"amount\":2.50}", "{\"amt\":1E2,\"x\":[0.5]}", "{\"left\":3,\"x\":4}", "{\"left\":{\"deep\":[1]},\"y\":1}", "{\"y\":1,\"left\":5}",
                "\"text\"", "12", "{\"ü\":\"é\\\"\",\"n\":[null,true,1.5]}", "{\"x\":\"not a number\",\"y\":1}");
        return Combinators.combine(types, names, Arbitraries.longs().between(1, 1L << 40), texts.optional(),
                        texts.optional(), metadata, Arbitraries.integers().between(1, 2), payloads)
                .as(GeneratedEvents::event);
    }

    @Property(tries = 200)
    void events_of_registered_types_are_bound_or_upcast_without_the_full_decoder(
            @ForAll @IntRange(min = 1, max = 2) int version, @ForAll @IntRange(min = 0, max = 1000) int n) {
        String payload = version == 2 ? "{\"x\":" + n + ",\"y\":2}" : "{\"left\":" + n + "}";
        RecordedEvent event = RecordedEvent.builder().eventId(UUID.randomUUID()).eventType(EventType.of("Bound"))
                .schemaVersion(version).stream(StreamId.of("order", "o-" + n)).version(Version.of(n + 1L))
                .position(GlobalPosition.of(n + 1L)).timestamp(Instant.ofEpochMilli(1_700_000_000_000L + n))
                .previousEventId(Optional.empty()).correlationId(Optional.empty()).causationId(Optional.empty())
                .metadata(Map.of("actor", "a")).data(RawJson.of(payload)).build();
        byte[] file = codec.encode(event);
        IndexEntry entry = entryOf(event, file.length);
        var decoder = new CanonicalDecoder(JsonSupport.mapper(), payloads);
        EventFileCodec.Decoded decoded = decoder.decode(entry, CanonicalEnvelope.read(file, 0, file.length, false), file,
                reading);
        assertThat(decoded).isNotNull();
        assertThat(decoded.event().schemaVersion()).isEqualTo(2);
        assertThat(decoded.event().payload()).isEqualTo(new Point(n, version == 2 ? 2 : 0));
        assertThat(decoded.event().data().json()).isEqualTo(version == 2 ? payload : "{\"x\":" + n + ",\"y\":0}");
    }

    @Property(tries = 50)
    void a_payload_with_a_byte_order_mark_or_one_level_too_deep_is_refused_alike(@ForAll boolean bom,
                                                                                 @ForAll boolean asLine) {
        RecordedEvent event = RecordedEvent.builder().eventId(UUID.randomUUID()).eventType(EventType.of("Other"))
                .schemaVersion(1).stream(StreamId.of("order", "o")).version(Version.of(1)).position(GlobalPosition.of(1))
                .timestamp(Instant.ofEpochMilli(1_700_000_000_000L)).previousEventId(Optional.empty())
                .correlationId(Optional.empty()).causationId(Optional.empty()).metadata(Map.of())
                .data(RawJson.of("[]")).build();
        byte[] written = codec.encode(event);
        IndexEntry entry = entryOf(event, written.length);
        String text = new String(asLine ? RangeLines.line(entry.stamp(), written) : written,
                java.nio.charset.StandardCharsets.UTF_8);
        String data = bom ? "\uFEFF[]" : "[".repeat(JsonSupport.MAX_NESTING_DEPTH) + "]".repeat(JsonSupport.MAX_NESTING_DEPTH);
        byte[] bytes = text.replace("\"data\": []", "\"data\": " + data).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Outcome full = outcome(() -> codec.decode("f", bytes, reading::upcasts));
        assertThat(full.error()).isNotNull();
        assertThat(outcome(() -> codec.decode(entry, bytes, 0, bytes.length, asLine, () -> "f", reading))).isEqualTo(full);
    }

    @Property(tries = 300)
    void events_with_plain_texts_are_read_without_the_full_decoder(@ForAll("events") RecordedEvent event) {
        var texts = new java.util.ArrayList<>(List.of(event.eventType().value(), event.stream().id().value(),
                event.correlationId().orElse(""), event.causationId().orElse("")));
        event.metadata().forEach((key, value) -> {
            texts.add(key);
            texts.add(value);
        });
        boolean plain = texts.stream().allMatch(t -> t.chars().allMatch(c -> c >= 32 && c <= 126 && c != '"' && c != '\\'));
        byte[] file = codec.encode(event);
        IndexEntry entry = entryOf(event, file.length);
        byte[] line = RangeLines.line(entry.stamp(), file);
        CanonicalEnvelope fromFile = CanonicalEnvelope.read(file, 0, file.length, false);
        CanonicalEnvelope fromLine = CanonicalEnvelope.read(line, 0, line.length, true);
        assertThat(fromFile != null).isEqualTo(plain);
        assertThat(fromLine != null).isEqualTo(plain);
        if (plain && !event.eventType().value().equals("Bound")) {
            var decoder = new CanonicalDecoder(JsonSupport.mapper(), new PayloadCodec(EventTypeRegistry.empty(), 1 << 20));
            assertThat(decoder.decode(entry, fromFile, file, PayloadReading.AS_STORED)).isNotNull();
            assertThat(decoder.decode(entry, fromLine, line, PayloadReading.AS_STORED)).isNotNull();
        }
    }
}
