package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.EventStamp;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The lines of a range file. Each line is one event: the envelope of its event file on one line (the
 * file's newlines and indentation dropped), led by the stamp the event would have in its file name:
 * {@code {"stamp":"20261123153752039000","eventId": ...,"data": {...}}}. Lines follow versions, without gap.
 */
final class RangeLines {
    /** A batch of this many events or more is written as one range file; a smaller one as one file per event. */
    static final int BATCH_FROM = 10;

    private static final byte[] PREFIX = "{\"stamp\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int STAMP_END = PREFIX.length + 20;
    /** Eight bytes at a time, for finding newlines: a word has a zero byte where it held {@code '\n'}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private RangeLines() {
    }

    /** The line of an event whose event file holds {@code eventFile} (as {@link EventFileCodec#encode} wrote it). */
    static byte[] line(EventStamp stamp, byte[] eventFile) {
        byte[] line = new byte[maxLength(eventFile)];
        return Arrays.copyOf(line, putLine(line, 0, stamp, eventFile));
    }

    /** The most bytes {@link #putLine} writes for {@code eventFile}. */
    static int maxLength(byte[] eventFile) {
        return STAMP_END + 2 + eventFile.length;
    }

    /**
     * Writes the {@link #line} of an event into {@code out} from {@code at}, which has room for
     * {@link #maxLength} bytes; returns where the line ends.
     */
    static int putLine(byte[] out, int at, EventStamp stamp, byte[] eventFile) {
        System.arraycopy(PREFIX, 0, out, at, PREFIX.length);
        stamp.putDigits(out, at + PREFIX.length);
        at += STAMP_END;
        out[at++] = '"';
        out[at++] = ',';
        int i = 1;
        while (i < eventFile.length) {
            int end = newlineFrom(eventFile, i);
            System.arraycopy(eventFile, i, out, at, end - i);
            at += end - i;
            i = end + 1;
            while (i < eventFile.length && eventFile[i] == ' ') {
                i++;
            }
        }
        out[at++] = '\n';
        return at;
    }

    /** A range file's content: the lines, in order. */
    static byte[] join(List<byte[]> lines) {
        byte[] joined = new byte[lines.stream().mapToInt(line -> line.length).sum()];
        int at = 0;
        for (byte[] line : lines) {
            System.arraycopy(line, 0, joined, at, line.length);
            at += line.length;
        }
        return joined;
    }

    /**
     * Where each line starts, plus the content's length at the end; empty when the content does not end
     * with a newline (a torn or hand-edited file).
     */
    static Optional<int[]> starts(byte[] content) {
        if (content.length == 0 || content[content.length - 1] != '\n') {
            return Optional.empty();
        }
        int[] starts = new int[16];
        int count = 1;
        int i = 0;
        for (; i + Long.BYTES <= content.length; i += Long.BYTES) {
            long word = (long) LONGS.get(content, i) ^ NEWLINES;
            if (((word - ONES) & ~word & HIGHS) == 0) {
                continue; // no newline among these eight bytes
            }
            for (int j = i; j < i + Long.BYTES; j++) {
                if (content[j] == '\n') {
                    starts = add(starts, count++, j + 1);
                }
            }
        }
        for (; i < content.length; i++) {
            if (content[i] == '\n') {
                starts = add(starts, count++, i + 1);
            }
        }
        return Optional.of(Arrays.copyOf(starts, count));
    }

    /** The index of the first newline in {@code content} from {@code from}, or its length when there is none. */
    static int newlineFrom(byte[] content, int from) {
        int i = from;
        for (; i + Long.BYTES <= content.length; i += Long.BYTES) {
            long word = (long) LONGS.get(content, i) ^ NEWLINES;
            if (((word - ONES) & ~word & HIGHS) != 0) {
                break; // a newline among these eight bytes
            }
        }
        while (i < content.length && content[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int[] add(int[] starts, int at, int start) {
        int[] grown = at == starts.length ? Arrays.copyOf(starts, at * 2) : starts;
        grown[at] = start;
        return grown;
    }

    /** Whether the line from {@code start} to {@code end} starts with {@code {"stamp":"<20 digits>",}. */
    static boolean hasStampAt(byte[] content, int start, int end) {
        if (end - start < STAMP_END + 2 || !Arrays.equals(content, start, start + PREFIX.length, PREFIX, 0, PREFIX.length)
                || content[start + STAMP_END] != '"') {
            return false;
        }
        for (int i = start + PREFIX.length; i < start + STAMP_END; i++) {
            if (content[i] < '0' || content[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** The stamp that leads the line from {@code start} to {@code end}, or empty when it has none. */
    static Optional<EventStamp> stampOf(byte[] content, int start, int end) {
        if (!hasStampAt(content, start, end)) {
            return Optional.empty();
        }
        return EventStamp.parse(new String(content, start + PREFIX.length, 20, StandardCharsets.US_ASCII));
    }
}
