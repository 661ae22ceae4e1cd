package dev.dossier.application.replay;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.ReadStreams;
import java.util.function.Predicate;

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
        return rebuildWhile(stream, fold, event -> event.version().compareTo(version) <= 0);
    }

    /** The state after the leading events of {@code stream} that {@code include} accepts. */
    public <S> Rebuilt<S> rebuildWhile(StreamId stream, EventFold<S> fold, Predicate<RecordedEvent> include) {
        return foldWhile(new Rebuilt<>(fold.initial(), Version.NONE), streams.readStream(stream), fold, include);
    }

    /**
     * Continues from {@code start} through {@code events} (in version order) while {@code include} accepts
     * them; stops at the first it does not.
     */
    public static <S> Rebuilt<S> foldWhile(Rebuilt<S> start, Iterable<RecordedEvent> events, EventFold<S> fold,
                                           Predicate<RecordedEvent> include) {
        S state = start.state();
        Version reached = start.version();
        for (RecordedEvent event : events) {
            if (!include.test(event)) {
                break;
            }
            state = fold.apply(state, event);
            reached = event.version();
        }
        return new Rebuilt<>(state, reached);
    }
}
