package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.AsciiDigits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The store's one timestamp form, {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (UTC, always milliseconds). */
final class Timestamps {
    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The instant in the store's form, truncated to milliseconds; the same text as {@link #FORMAT} gives. */
    static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return FORMAT.format(instant);
        }
        byte[] out = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0',
            '.', '0', '0', '0', 'Z'};
        AsciiDigits.putDateTime(out, time, 1);
        AsciiDigits.put(out, 20, instant.getNano() / 1_000_000, 3);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * Parses the store's form quickly; any other ISO-8601 instant is accepted through {@link Instant#parse}.
     *
     * @throws java.time.DateTimeException when the text is not an instant
     */
    static Instant parse(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int milli = digits(text, 20, 3);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && milli >= 0) {
                return LocalDateTime.of(year, month, day, hour, minute, second, milli * 1_000_000)
                        .toInstant(ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
