package dev.dossier.application.replay;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.ReadStreams;

/** Rebuilds an aggregate's state by replaying its events through an {@link EventFold}. */
public final class StateRebuilder {
    private final ReadStreams streams;

    public StateRebuilder(ReadStreams streams) {
        this.streams = streams;
    }

    /**
     * The state after every event of {@code stream}; the fold's initial state at {@link Version#NONE}
     * when the stream is missing.
     */
    public <S> Rebuilt<S> rebuild(StreamId stream, EventFold<S> fold) {
        return rebuildUpTo(stream, fold, Version.of(Long.MAX_VALUE));
    }

    /** The state after the events of {@code stream} up to and including {@code version}. */
    public <S> Rebuilt<S> rebuildUpTo(StreamId stream, EventFold<S> fold, Version version) {
        S state = fold.initial();
        Version reached = Version.NONE;
        for (RecordedEvent event : streams.readStream(stream)) {
            if (event.version().compareTo(version) > 0) {
                break;
            }
            state = fold.apply(state, event);
            reached = event.version();
        }
        return new Rebuilt<>(state, reached);
    }
}
