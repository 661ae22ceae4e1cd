package dev.dossier.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.RawJson;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Raw JSON whose text is produced when first asked for behaves as the text itself would. */
class RawJsonTest {
    record Note(String title, RawJson extra) {
    }

    @Test
    void a_lazy_value_equals_the_same_text_given_at_once_and_produces_it_once() {
        var calls = new AtomicInteger();
        RawJson lazy = RawJson.lazy(() -> {
            calls.incrementAndGet();
            return "{\"a\":1}";
        });
        assertThat(calls).hasValue(0);
        assertThat(lazy).isEqualTo(RawJson.of("{\"a\":1}")).hasSameHashCodeAs(RawJson.of("{\"a\":1}"));
        assertThat(lazy.json()).isEqualTo("{\"a\":1}");
        assertThat(lazy).hasToString("{\"a\":1}").isNotEqualTo(RawJson.of("{\"a\":2}"));
        assertThat(calls).hasValue(1);
    }

    @Test
    void blank_text_is_refused_whether_given_at_once_or_produced_later() {
        assertThatThrownBy(() -> RawJson.of(" ")).isInstanceOf(InvalidInputException.class);
        RawJson lazy = RawJson.lazy(() -> "");
        assertThatThrownBy(lazy::json).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void raw_json_inside_a_payload_is_written_and_read_as_it_was_when_it_was_a_record() throws Exception {
        var note = new Note("t", RawJson.lazy(() -> "{\"a\":1}"));
        String json = JsonSupport.mapper().writeValueAsString(note);
        assertThat(json).isEqualTo("{\"title\":\"t\",\"extra\":{\"json\":\"{\\\"a\\\":1}\"}}");
        assertThat(JsonSupport.mapper().readValue(json, Note.class)).isEqualTo(note);
    }

    @Test
    void an_upcast_tree_too_deep_to_write_is_refused_when_read_not_when_its_text_is_first_asked_for() {
        var codec = new PayloadCodec(EventTypeRegistry.empty(), 1 << 20);
        ObjectNode deep = JsonSupport.mapper().createObjectNode();
        ObjectNode inner = deep;
        for (int i = 0; i < PayloadCodec.MAX_PAYLOAD_DEPTH + 2; i++) {
            inner = inner.putObject("n");
        }
        assertThatThrownBy(() -> codec.text(deep, true)).isInstanceOf(IllegalStateException.class);
        JsonNode shallow = JsonSupport.mapper().createObjectNode().put("a", 1);
        assertThat(codec.text(shallow, true)).isEqualTo(RawJson.of("{\"a\":1}"));
    }
}
