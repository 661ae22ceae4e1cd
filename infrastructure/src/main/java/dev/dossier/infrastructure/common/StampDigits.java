package dev.dossier.infrastructure.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A stamp's 20 digits ({@code yyyyMMddHHmmssSSSNNN}) as ASCII bytes, written and read without a date object
 * per stamp: appends write them in order and opening a store reads a million of them in order, so most share
 * the second (when written) or the day (when read) of the one before, which is remembered. Reading accepts
 * exactly what {@link LocalDateTime#of} accepts. Thread-safe.
 */
final class StampDigits {
    /** A day written as the number {@code yyyyMMdd}, and its epoch day. Immutable, so threads may share it. */
    private record Day(int digits, long epochDay) {
    }

    /**
     * The 14 digits {@code yyyyMMddHHmmss} of an epoch second. Immutable (its array never changes once made),
     * so threads may share it.
     */
    private record Second(long epochSecond, byte[] digits) {
    }

    private static volatile Day lastDay = new Day(-1, 0);
    private static volatile Second lastSecond = new Second(-1, new byte[14]);

    private StampDigits() {
    }

    /**
     * Writes the 20 digits of {@code stamp} into {@code out} from {@code at}: stamps are written in order, so
     * most share the second of the one before, whose 14 digits are remembered.
     */
    static void write(EventStamp stamp, byte[] out, int at) {
        long second = stamp.epochMilli() / 1000;
        Second cached = lastSecond;
        if (cached.epochSecond() != second) {
            byte[] digits = new byte[14];
            AsciiDigits.putDateTime(digits, LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC), 0);
            cached = new Second(second, digits);
            lastSecond = cached;
        }
        System.arraycopy(cached.digits(), 0, out, at, 14);
        AsciiDigits.put(out, at + 14, (int) (stamp.epochMilli() % 1000), 3);
        AsciiDigits.put(out, at + 17, stamp.sequence(), 3);
    }

    /** The stamp written in the 20 bytes from {@code at}, or null when they are not the digits of a valid one. */
    static EventStamp read(byte[] bytes, int at) {
        if (at < 0 || bytes.length - at < 20) {
            return null;
        }
        for (int i = at; i < at + 20; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return null;
            }
        }
        long epochDay = epochDay(AsciiDigits.read(bytes, at, 8));
        int hour = AsciiDigits.read(bytes, at + 8, 2);
        int minute = AsciiDigits.read(bytes, at + 10, 2);
        int second = AsciiDigits.read(bytes, at + 12, 2);
        if (epochDay == Long.MIN_VALUE || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
        try {
            return new EventStamp(seconds * 1_000 + AsciiDigits.read(bytes, at + 14, 3), AsciiDigits.read(bytes, at + 17, 3));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The epoch day of {@code yyyyMMdd}, or {@link Long#MIN_VALUE} when it is not a valid date. */
    private static long epochDay(int date) {
        Day day = lastDay;
        if (day.digits() == date) {
            return day.epochDay();
        }
        try {
            long epochDay = LocalDate.of(date / 10_000, date / 100 % 100, date % 100).toEpochDay();
            lastDay = new Day(date, epochDay);
            return epochDay;
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }
}
