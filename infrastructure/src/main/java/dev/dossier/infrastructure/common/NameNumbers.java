package dev.dossier.infrastructure.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the names the index has seen (streams, event types) from 0, in the order it first saw them, so
 * that a million entries hold small numbers instead of references; gives each number's name back. Not
 * thread-safe: the index's lock guards it.
 */
final class NameNumbers<T> {
    private final Map<T, Integer> numbers = new HashMap<>();
    private final List<T> names = new ArrayList<>();

    /** The name's number, or -1 when it has none yet. */
    int numberOf(T name) {
        Integer number = numbers.get(name);
        return number == null ? -1 : number;
    }

    /** The name's number, given the next free one when it has none yet. */
    int numberFor(T name) {
        Integer number = numbers.get(name);
        if (number != null) {
            return number;
        }
        numbers.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    /** The name numbered {@code number}, which must have been given. */
    T name(int number) {
        return names.get(number);
    }

    /** Every name, in the order of their numbers (a copy). */
    List<T> names() {
        return List.copyOf(names);
    }

    /** How many names have numbers. */
    int size() {
        return names.size();
    }
}
