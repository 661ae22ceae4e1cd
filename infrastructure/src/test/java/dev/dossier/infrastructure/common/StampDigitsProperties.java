package dev.dossier.infrastructure.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Stamps read from bytes, checked against {@link LocalDateTime}, the reading this one replaced. */
class StampDigitsProperties {

    @Property(tries = 3000)
    void stamps_are_read_from_bytes_exactly_as_java_time_reads_their_digits(@ForAll("digits") String digits,
                                                                           @ForAll("digits") String other,
                                                                           @ForAll @IntRange(max = 3) int sameUpTo) {
        byte[] bytes = ("x" + digits + "y").getBytes(StandardCharsets.ISO_8859_1);
        // A stamp read just before, sharing the year, the month, the day or nothing with this one, must not
        // change the answer (the reader remembers the last day it read).
        int shared = new int[] {0, 4, 6, 8}[sameUpTo];
        EventStamp.parse(digits.substring(0, shared) + other.substring(shared));

        Optional<EventStamp> expected = oracle(digits);
        Statistics.collect(expected.isPresent() ? "valid" : "refused");
        assertThat(Optional.ofNullable(EventStamp.fromDigits(bytes, 1))).isEqualTo(expected);
        assertThat(EventStamp.parse(digits)).isEqualTo(expected);
        Statistics.coverage(coverage -> {
            coverage.check("valid").percentage(p -> p > 30);
            coverage.check("refused").percentage(p -> p > 10);
        });
    }

    @Property(tries = 200)
    void text_that_is_not_twenty_digits_is_refused(@ForAll("digits") String digits,
                                                   @ForAll("notDigits") char other) {
        for (int at = 0; at < 20; at += 7) {
            String changed = digits.substring(0, at) + other + digits.substring(at + 1);
            assertThat(EventStamp.parse(changed)).isEmpty();
            assertThat(EventStamp.fromDigits(changed.getBytes(StandardCharsets.UTF_8), 0)).isNull();
        }
        assertThat(EventStamp.parse(digits.substring(1))).isEmpty();
        assertThat(EventStamp.fromDigits(digits.getBytes(StandardCharsets.US_ASCII), 1)).isNull();
    }

    private static Optional<EventStamp> oracle(String digits) {
        try {
            long seconds = LocalDateTime.of(number(digits, 0, 4), number(digits, 4, 2), number(digits, 6, 2),
                    number(digits, 8, 2), number(digits, 10, 2), number(digits, 12, 2)).toEpochSecond(ZoneOffset.UTC);
            return Optional.of(new EventStamp(seconds * 1000 + number(digits, 14, 3), number(digits, 17, 3)));
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int number(String digits, int from, int length) {
        return Integer.parseInt(digits.substring(from, from + length));
    }

    /**
     * Mostly valid stamps, each field now and then just out of its range (year before 1970 or 0000, month 00
     * or 13, day 00 or past the month's end, hour 24, minute or second 60).
     */
    @Provide
    Arbitrary<String> digits() {
        return Combinators.combine(field(1970, 9999, 0, 1969), field(1, 12, 0, 13), field(1, 28, 29, 32),
                        field(0, 23, 24, 24), field(0, 59, 60, 60), field(0, 59, 60, 60),
                        Arbitraries.integers().between(0, 999_999))
                .as((y, m, d, h, min, s, rest) -> String.format("%04d%02d%02d%02d%02d%02d%06d", y, m, d, h, min, s, rest));
    }

    private static Arbitrary<Integer> field(int min, int max, int offMin, int offMax) {
        return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.integers().between(min, max)),
                Tuple.of(1, Arbitraries.integers().between(offMin, offMax)));
    }

    @Provide
    Arbitrary<Character> notDigits() {
        return Arbitraries.of('/', ':', 'a', ' ', '\u0660', '\u00e9');
    }
}
