package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The store's timestamp form: written without a formatter, read back by the fast parser, for any instant. */
class TimestampsProperties {
    /** From year -10000 to year 20000: the fast path covers years 0 to 9999, the formatter the rest. */
    @Property(tries = 2000)
    void formatting_gives_the_same_text_as_the_formatter(
            @ForAll @LongRange(min = -377_705_116_800L, max = 568_971_820_800L) long second,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nano) {
        Instant instant = Instant.ofEpochSecond(second, nano);
        assertThat(Timestamps.format(instant)).isEqualTo(Timestamps.FORMAT.format(instant));
    }

    @Property(tries = 1000)
    void a_formatted_instant_parses_back_to_its_millisecond(
            @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long second,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nano) {
        Instant instant = Instant.ofEpochSecond(second, nano);
        assertThat(Timestamps.parse(Timestamps.format(instant)))
                .isEqualTo(Instant.ofEpochSecond(second, nano / 1_000_000 * 1_000_000));
    }
}
