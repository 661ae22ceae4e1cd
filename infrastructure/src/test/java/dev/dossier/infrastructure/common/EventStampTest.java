package dev.dossier.infrastructure.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EventStampTest {

    @Test
    void a_stamp_is_the_utc_millisecond_and_a_three_digit_sequence() {
        var stamp = new EventStamp(Instant.parse("2026-11-23T13:09:02.123Z").toEpochMilli(), 7);

        assertThat(stamp.digits()).isEqualTo("20261123130902123007");
        assertThat(EventStamp.parse("20261123130902123007")).contains(stamp);
    }

    @Test
    void the_next_stamp_counts_up_within_a_millisecond_and_moves_on_after_999() {
        Instant now = Instant.parse("2026-01-01T00:00:00.005Z");
        var first = EventStamp.next(now, null);
        var second = EventStamp.next(now, first);
        var afterFull = EventStamp.next(now, new EventStamp(now.toEpochMilli(), 999));

        assertThat(second).isEqualTo(new EventStamp(now.toEpochMilli(), 1));
        assertThat(afterFull).isEqualTo(new EventStamp(now.toEpochMilli() + 1, 0));
    }

    @Test
    void a_clock_that_steps_back_never_moves_the_stamp_back() {
        var last = new EventStamp(Instant.parse("2026-01-01T00:00:10Z").toEpochMilli(), 3);

        assertThat(EventStamp.next(Instant.parse("2026-01-01T00:00:00Z"), last)).isGreaterThan(last);
    }

    @Test
    void text_that_is_not_a_stamp_is_refused() {
        assertThat(EventStamp.parse("2026112313090212300")).isEmpty();
        assertThat(EventStamp.parse("20261323130902123007")).isEmpty();
        assertThat(EventStamp.parse("2026112313090212300x")).isEmpty();
        assertThat(EventStamp.parse("20000230000000000000")).as("February 30th").isEmpty();
    }

    @Property(tries = 500)
    void stamps_sort_as_text_in_the_same_order_as_in_time(@ForAll @LongRange(min = 0, max = 253402300799000L) long a,
                                                          @ForAll @LongRange(min = 0, max = 999) long seqA,
                                                          @ForAll @LongRange(min = 0, max = 253402300799000L) long b,
                                                          @ForAll @LongRange(min = 0, max = 999) long seqB) {
        var left = new EventStamp(a, (int) seqA);
        var right = new EventStamp(b, (int) seqB);

        assertThat(Integer.signum(left.digits().compareTo(right.digits())))
                .isEqualTo(Integer.signum(left.compareTo(right)));
        assertThat(EventStamp.parse(left.digits())).contains(left);
    }

    /** Stamps of one second and of others, interleaved: the remembered second never leaks into another stamp. */
    @Property(tries = 300)
    void the_digits_are_the_utc_time_and_sequence_whatever_was_stamped_before(
            @ForAll @LongRange(min = 0, max = 253402300799000L) long millis, @ForAll @LongRange(min = 0, max = 999) long sequence,
            @ForAll @LongRange(min = 0, max = 2) long sameSecondAs) {
        var formatter = java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS").withZone(java.time.ZoneOffset.UTC);
        long[] order = {millis, millis - millis % 1000 + (millis + 7) % 1000, (millis + 1000 * (sameSecondAs + 1)) % 253402300799000L};
        for (long at : order) {
            var stamp = new EventStamp(at, (int) sequence);
            String expected = formatter.format(Instant.ofEpochMilli(at)) + String.format("%03d", sequence);
            assertThat(stamp.digits()).isEqualTo(expected);
            byte[] out = "xx".concat(" ".repeat(20)).concat("yy").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            stamp.putDigits(out, 2);
            assertThat(new String(out, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("xx" + expected + "yy");
        }
    }
}
