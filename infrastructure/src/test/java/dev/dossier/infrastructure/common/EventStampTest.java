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
}
