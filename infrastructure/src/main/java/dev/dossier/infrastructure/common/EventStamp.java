package dev.dossier.infrastructure.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The store clock's reading for one event: a UTC millisecond and a sequence number (0-999) within it,
 * written as 20 digits {@code yyyyMMddHHmmssSSSNNN}. Stamps strictly increase in commit order: when
 * the wall clock stands still or steps back, the store keeps the last millisecond and counts up the
 * sequence, moving to the next millisecond after 999.
 */
public record EventStamp(long epochMilli, int sequence) implements Comparable<EventStamp> {
    /** The last millisecond a stamp can hold (9999-12-31T23:59:59.999Z). */
    public static final long MAX_MILLI = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    public EventStamp {
        if (sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("sequence must be 0-999, was " + sequence);
        }
        if (epochMilli < 0 || epochMilli > MAX_MILLI) {
            throw new IllegalArgumentException("time must be between 1970 and 9999, was " + epochMilli);
        }
    }

    /** The stamp after {@code last} (which may be null) for a wall clock reading {@code now}. */
    public static EventStamp next(Instant now, EventStamp last) {
        long millis = now.toEpochMilli();
        if (last == null || millis > last.epochMilli) {
            return new EventStamp(millis, 0);
        }
        if (last.sequence < 999) {
            return new EventStamp(last.epochMilli, last.sequence + 1);
        }
        return new EventStamp(last.epochMilli + 1, 0);
    }

    public Instant instant() {
        return Instant.ofEpochMilli(epochMilli);
    }

    /** The 20-digit form used in file names and the index. */
    public String digits() {
        byte[] out = new byte[20];
        putDigits(out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /** Writes the 20-digit form into {@code out} from {@code at}, as ASCII bytes. */
    public void putDigits(byte[] out, int at) {
        StampDigits.write(this, out, at);
    }

    /** The stamp written as {@code digits}, or empty when they are not 20 digits of a valid time. */
    public static Optional<EventStamp> parse(String digits) {
        if (digits == null || digits.length() != 20) {
            return Optional.empty();
        }
        return Optional.ofNullable(StampDigits.read(digits.getBytes(StandardCharsets.ISO_8859_1), 0));
    }

    /**
     * The stamp written as the 20 ASCII digits from {@code at} in {@code bytes}; null (not empty: this is
     * for readers of a million lines) when they are not the digits of a valid time, where {@link
     * #parse(String)} gives empty.
     */
    public static EventStamp fromDigits(byte[] bytes, int at) {
        return StampDigits.read(bytes, at);
    }

    @Override
    public int compareTo(EventStamp other) {
        int byMillis = Long.compare(epochMilli, other.epochMilli);
        return byMillis != 0 ? byMillis : Integer.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return digits();
    }
}
