package dev.dossier.application.replay;

import dev.dossier.domain.model.RecordedEvent;

/**
 * How a host rebuilds one kind of state from events: a starting state and a pure step per event. Plain
 * records work well as states; no base class is needed.
 */
public interface EventFold<S> {

    /** The state before any event. */
    S initial();

    /** The state after {@code event}; must not have side effects. */
    S apply(S state, RecordedEvent event);
}
