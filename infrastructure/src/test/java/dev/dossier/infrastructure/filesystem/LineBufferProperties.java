package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Numbers put into a line read as {@link Long#toString} writes them, after whatever was there. */
class LineBufferProperties {
    @Property(tries = 2000)
    void a_number_is_written_as_long_to_string_writes_it(@ForAll long value, @ForAll("prefix") String before) {
        var line = new LineBuffer(1);
        line.ascii(before).decimal(value);
        assertThat(new String(line.array(), 0, line.size(), StandardCharsets.US_ASCII)).isEqualTo(before + value);
    }

    @Example
    void the_extremes_and_zero_are_written_whole() {
        for (long value : new long[] {0, 9, 10, -1, -10, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            var line = new LineBuffer(0);
            assertThat(new String(line.decimal(value).toByteArray(), StandardCharsets.US_ASCII))
                    .isEqualTo(Long.toString(value));
        }
    }

    @Provide
    Arbitrary<String> prefix() {
        return Arbitraries.strings().ascii().ofMaxLength(30);
    }
}
