package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.StreamId;

/** One event to import, with where it came from ({@code file line 7}) for messages. */
record ImportLine(String where, StreamId stream, ExpectedVersion expected, NewEvent event) {
}
