package dev.dossier.application.replay;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.ReadStreams;
import java.util.List;
import java.util.Objects;

/**
 * An aggregate as it was: its events up to a {@link PointInTime}, its state there through a host's
 * {@link EventFold}, and what happened between two points. Only reads.
 */
public final class TimeTravel {
    private final ReadStreams streams;

    public TimeTravel(ReadStreams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    /** What happened between two points: the events of each, and those after {@code from} up to {@code to}. */
    public record Between(List<RecordedEvent> atFrom, List<RecordedEvent> atTo, List<RecordedEvent> events) {
        public Between {
            atFrom = List.copyOf(atFrom);
            atTo = List.copyOf(atTo);
            events = List.copyOf(events);
        }
    }

    /** The events of {@code stream} that had happened at {@code point}, in version order; empty for a missing stream. */
    public List<RecordedEvent> eventsAt(StreamId stream, PointInTime point) {
        return streams.readStream(stream).stream().takeWhile(point::includes).toList();
    }

    /** The state a fold computes from the events at {@code point}. */
    public <S> Rebuilt<S> stateAt(StreamId stream, PointInTime point, EventFold<S> fold) {
        return StateRebuilder.foldWhile(new Rebuilt<>(fold.initial(), dev.dossier.domain.model.Version.NONE),
                eventsAt(stream, point), fold, event -> true);
    }

    /**
     * The events at each point and those between them. When {@code to} is earlier than {@code from}, the
     * events between are those that {@code from} has and {@code to} has not (still in version order).
     */
    public Between between(StreamId stream, PointInTime from, PointInTime to) {
        List<RecordedEvent> all = streams.readStream(stream);
        List<RecordedEvent> atFrom = all.stream().takeWhile(from::includes).toList();
        List<RecordedEvent> atTo = all.stream().takeWhile(to::includes).toList();
        int low = Math.min(atFrom.size(), atTo.size());
        int high = Math.max(atFrom.size(), atTo.size());
        return new Between(atFrom, atTo, all.subList(low, high));
    }
}
