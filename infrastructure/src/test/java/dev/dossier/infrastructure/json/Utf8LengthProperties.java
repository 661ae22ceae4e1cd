package dev.dossier.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The payload size limit counts a payload's UTF-8 bytes without encoding it, exactly as encoding would. */
class Utf8LengthProperties {
    @Property(tries = 2000)
    void the_counted_length_is_the_length_of_the_encoded_bytes(@ForAll("texts") String text) {
        assertThat(PayloadCodec.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars('a', '\u00e9', '\u20ac', '\uD83D', '\uDE00').ofMaxLength(12));
    }
}
