package dev.dossier.domain.model;

/**
 * Whether the store serves reads and writes.
 *
 * @param status {@code UP}, {@code READ_ONLY} (a write failed in a way the store could not undo; reopen
 *               it) or {@code CLOSED}
 * @param detail a sentence for a person
 */
public record StoreHealth(Status status, String location, long events, String detail) {
    public enum Status { UP, READ_ONLY, CLOSED }

    public boolean isUp() {
        return status == Status.UP;
    }
}
