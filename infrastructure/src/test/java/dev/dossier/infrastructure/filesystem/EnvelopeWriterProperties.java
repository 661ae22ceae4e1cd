package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The direct writer of event files lays them out byte for byte as the general (Jackson) encoder does, and
 * leaves to it every event with a text field that needs escaping.
 */
class EnvelopeWriterProperties {
    private final EventFileCodec codec = new EventFileCodec(new PayloadCodec(EventTypeRegistry.empty(), 1 << 20));

    @Property(tries = 300)
    void plain_events_are_written_exactly_as_the_general_encoder_writes_them(@ForAll("events") RecordedEvent event) {
        byte[] direct = EnvelopeWriter.write(event);
        byte[] general = codec.encodeGeneral(event);
        if (direct == null) {
            assertThat(needsEscaping(event)).as("left to the general encoder only when a text needs escaping").isTrue();
        } else {
            assertThat(new String(direct, StandardCharsets.UTF_8)).isEqualTo(new String(general, StandardCharsets.UTF_8));
        }
        assertThat(codec.encode(event)).isEqualTo(general);
        assertThat(codec.decode("event", codec.encode(event))).isEqualTo(event);
    }

    private static boolean needsEscaping(RecordedEvent event) {
        var texts = new java.util.ArrayList<String>(java.util.List.of(event.eventType().value(),
                event.stream().type().value(), event.stream().id().value(), event.correlationId().orElse(""),
                event.causationId().orElse("")));
        event.metadata().forEach((k, v) -> {
            texts.add(k);
            texts.add(v);
        });
        return texts.stream().anyMatch(t -> t.chars().anyMatch(c -> c < 32 || c > 126 || c == '"' || c == '\\'));
    }

    @Provide
    Arbitrary<RecordedEvent> events() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(12),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12));
        Arbitrary<Map<String, String>> metadata = Arbitraries.maps(texts.filter(t -> !t.isEmpty()), texts).ofMaxSize(3);
        Arbitrary<String> ids = Arbitraries.oneOf(names, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1)
                .ofMaxLength(12).filter(s -> !s.isBlank() && !s.contains("/") && !s.contains("\\")));
        return Combinators.combine(names, ids, Arbitraries.longs().between(1, 1L << 40), texts.optional(),
                        texts.optional(), metadata, Arbitraries.integers().between(1, 5), Arbitraries.of(
                                "{}", "{\"a\":1}", "[1,2]", "\"x\"", "{\"ü\":\"é\",\"n\":[null,true,1.5]}"))
                .as(GeneratedEvents::event);
    }
}
