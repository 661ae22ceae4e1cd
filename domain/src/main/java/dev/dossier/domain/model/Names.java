package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;

/** The one rule every caller-supplied name (aggregate type, aggregate id, event type) obeys. */
final class Names {
    /** Longest accepted name, in UTF-16 chars; adapters may refuse shorter names they cannot encode. */
    static final int MAX_LENGTH = 200;

    private Names() {
    }

    static String check(String field, String value) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        if (value.isEmpty()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "is " + value.length() + " characters long; the limit is "
                    + MAX_LENGTH + " (starts with '" + value.substring(0, 20) + "')");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidInputException(field, String.format(
                        "contains the control character U+%04X at index %d; names must be printable", (int) c, i));
            }
            if (Character.isSurrogate(c) && !validSurrogateAt(value, i)) {
                throw new InvalidInputException(field, "contains an unpaired surrogate at index " + i);
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return value;
    }

    private static boolean validSurrogateAt(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }
}
