package dev.dossier.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.RawJson;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Raw JSON whose text is produced when first asked for behaves as the text itself would. */
class RawJsonTest {

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
}
