package dev.dossier.infrastructure.common;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the 20 digits of a stamp ({@code yyyyMMddHHmmssSSSNNN}) from ASCII bytes without a date object per
 * stamp: opening a store reads a million of them in order, and most share the day of the one before, whose
 * epoch day is remembered. Accepts exactly what {@link java.time.LocalDateTime#of} accepts. Thread-safe.
 */
final class StampDigits {
    /** A day written as the number {@code yyyyMMdd}, and its epoch day. Immutable, so threads may share it. */
    private record Day(int digits, long epochDay) {
    }

    private static volatile Day lastDay = new Day(-1, 0);

    private StampDigits() {
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
        long epochDay = epochDay(number(bytes, at, 8));
        int hour = number(bytes, at + 8, 2);
        int minute = number(bytes, at + 10, 2);
        int second = number(bytes, at + 12, 2);
        if (epochDay == Long.MIN_VALUE || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
        try {
            return new EventStamp(seconds * 1_000 + number(bytes, at + 14, 3), number(bytes, at + 17, 3));
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

    private static int number(byte[] bytes, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }
}
