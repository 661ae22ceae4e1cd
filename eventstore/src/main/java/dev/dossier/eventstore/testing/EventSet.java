package dev.dossier.eventstore.testing;

import dev.dossier.domain.port.AppendEvents;

/**
 * Events a test starts from, written by the test itself: a test-data builder that appends them with the
 * store's ordinary API. Implementations need a no-argument constructor when named in {@link GivenEvents}.
 */
@FunctionalInterface
public interface EventSet {

    /** Appends the events to {@code store}, a new empty store. */
    void appendTo(AppendEvents store);
}
