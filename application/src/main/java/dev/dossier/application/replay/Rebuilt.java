package dev.dossier.application.replay;

import dev.dossier.domain.model.Version;

/** A state rebuilt from a stream, and the version of the last event folded into it. */
public record Rebuilt<S>(S state, Version version) {
}
