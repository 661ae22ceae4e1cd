package dev.dossier.application.replay;

import dev.dossier.domain.model.RecordedEvent;

/**
 * Receives replayed events in global order: a host's projection, an aggregate fold, a listener. An
 * exception it throws stops the replay step and reaches the caller; the event counts as not delivered.
 */
@FunctionalInterface
public interface ReplayHandler {

    void handle(RecordedEvent event);
}
