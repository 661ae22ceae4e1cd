package dev.dossier.infrastructure.json;

import java.util.Arrays;

/**
 * Recognises JSON text that is already in the store's compact form, in one pass over its characters and
 * without Jackson: exactly one value; no whitespace between tokens; strings without escapes or control
 * characters; numbers in JSON's grammar; no duplicate keys; nesting at most a given depth. Text it
 * recognises is text that {@link CompactJson}'s streaming pass would accept and write back unchanged.
 * Anything else, valid or not (whitespace, escapes, a number or name of more than 100 characters, an
 * object of more than 64 keys, more than 128 keys in all, a string of more than a million characters), it
 * leaves to that pass, which compacts it or says what is wrong.
 *
 * <p>The limit on keys in all is Jackson's: its parser refuses a text whose names collide in its symbol table
 * more than 150 times in one bucket (a guard against hash flooding), so text with that many keys is left to
 * it to decide.
 */
final class CanonicalJson {
    private static final int MAX_SHORT_TOKEN = 100;
    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_KEYS = 64;
    private static final int MAX_KEYS_IN_ALL = 128;

    private final String text;
    private final int maxDepth;
    private int at;
    private int keysInAll;

    private CanonicalJson(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /** Whether {@code text} is one JSON value in compact form, without duplicate keys, at most {@code maxDepth} deep. */
    static boolean isCompact(String text, int maxDepth) {
        var scan = new CanonicalJson(text, maxDepth);
        return scan.value(1) && scan.at == text.length();
    }

    /** A value at {@link #at}; an object or array there would be {@code depth} deep. */
    private boolean value(int depth) {
        if (at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string(MAX_STRING);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        };
    }

    private boolean object(int depth) {
        if (depth > maxDepth) {
            return false;
        }
        at++;
        if (closes('}')) {
            return true;
        }
        int[] keys = new int[24]; // twelve keys before it grows
        for (int count = 0; ; count++) {
            int start = at + 1;
            if (count >= MAX_KEYS || ++keysInAll > MAX_KEYS_IN_ALL || !is('"')
                    || !string(MAX_SHORT_TOKEN) || repeats(keys, count, start, at - 1)) {
                return false;
            }
            if (2 * count + 2 > keys.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            keys[2 * count] = start;
            keys[2 * count + 1] = at - 1;
            if (!is(':')) {
                return false;
            }
            at++;
            if (!value(depth + 1)) {
                return false;
            }
            if (!is(',')) {
                return closes('}');
            }
            at++;
        }
    }

    /** Whether the key between {@code start} and {@code end} equals one of the {@code count} keys before it. */
    private boolean repeats(int[] keys, int count, int start, int end) {
        for (int k = 0; k < count; k++) {
            int length = keys[2 * k + 1] - keys[2 * k];
            if (length == end - start && text.regionMatches(keys[2 * k], text, start, length)) {
                return true;
            }
        }
        return false;
    }

    private boolean array(int depth) {
        if (depth > maxDepth) {
            return false;
        }
        at++;
        if (closes(']')) {
            return true;
        }
        while (value(depth + 1)) {
            if (!is(',')) {
                return closes(']');
            }
            at++;
        }
        return false;
    }

    private boolean closes(char end) {
        if (!is(end)) {
            return false;
        }
        at++;
        return true;
    }

    /** A string at {@link #at} (its opening quote) of at most {@code max} characters, none escaped or a control. */
    private boolean string(int max) {
        int end = Math.min(text.length(), at + 2 + max);
        for (int i = at + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                at = i + 1;
                return true;
            }
            if (c == '\\' || c < 0x20) {
                return false;
            }
        }
        return false;
    }

    private boolean literal(String word) {
        if (!text.startsWith(word, at)) {
            return false;
        }
        at += word.length();
        return true;
    }

    /** A number in JSON's grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private boolean number() {
        int start = at;
        if (is('-')) {
            at++;
        }
        if (is('0')) {
            at++;
        } else if (!digits()) {
            return false;
        }
        if (is('.')) {
            at++;
            if (!digits()) {
                return false;
            }
        }
        if (is('e') || is('E')) {
            at++;
            if (is('+') || is('-')) {
                at++;
            }
            if (!digits()) {
                return false;
            }
        }
        return at - start <= MAX_SHORT_TOKEN;
    }

    /** One or more digits at {@link #at}. */
    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    private boolean is(char expected) {
        return at < text.length() && text.charAt(at) == expected;
    }
}
