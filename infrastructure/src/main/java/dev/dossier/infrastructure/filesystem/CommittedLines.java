package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the committed lines of an index or journal tail: complete lines up to the last one carrying a
 * commit mark. An unreadable line with only unreadable bytes after it is a torn write and ends the
 * committed part; an unreadable line followed by a readable one is corrupt data.
 *
 * @param lines    the committed lines, in order
 * @param consumed how many bytes they take, newlines included
 */
record CommittedLines(List<IndexLineCodec.Line> lines, int consumed) {

    /**
     * @param file       the file's name, for the error
     * @param baseOffset where {@code bytes} start in the file, for the error
     */
    static CommittedLines read(IndexLineCodec codec, byte[] bytes, int length, String file, long baseOffset) {
        var committed = new ArrayList<IndexLineCodec.Line>();
        var pending = new ArrayList<IndexLineCodec.Line>();
        int start = 0;
        int consumed = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            IndexLineCodec.Line line;
            try {
                line = codec.parse(bytes, start, i - start);
            } catch (IllegalArgumentException e) {
                if (readableLineFollows(codec, bytes, i + 1, length)) {
                    throw new CorruptDataException(file, "the line at byte " + (baseOffset + start)
                            + " is unreadable (" + e.getMessage() + ") and later lines follow it");
                }
                break;
            }
            pending.add(line);
            if (line.commit()) {
                committed.addAll(pending);
                pending.clear();
                consumed = i + 1;
            }
            start = i + 1;
        }
        return new CommittedLines(committed, consumed);
    }

    private static boolean readableLineFollows(IndexLineCodec codec, byte[] bytes, int from, int length) {
        int start = from;
        for (int i = from; i < length; i++) {
            if (bytes[i] == '\n') {
                try {
                    codec.parse(bytes, start, i - start);
                    return true;
                } catch (IllegalArgumentException e) {
                    start = i + 1;
                }
            }
        }
        return false;
    }
}
