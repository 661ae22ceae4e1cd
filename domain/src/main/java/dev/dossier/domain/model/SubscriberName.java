package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The name of a subscriber (a subscription or a projection): the key of its checkpoint and of its parked
 * events. 1 to 100 characters among {@code A-Z a-z 0-9 . _ -}, not starting with a dot, so it is a file
 * name on every file system as it is.
 *
 * @throws InvalidInputException from the constructor when the name breaks a rule
 */
public record SubscriberName(String value) implements Comparable<SubscriberName> {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    public SubscriberName {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidInputException("subscriber name", "'" + value + "' must be 1 to 100 characters among"
                    + " A-Z a-z 0-9 . _ - and must not start with a dot");
        }
    }

    public static SubscriberName of(String value) {
        return new SubscriberName(value);
    }

    @Override
    public int compareTo(SubscriberName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
