package dev.dossier.eventstore.replay;

import dev.dossier.application.replay.PointInTime;
import dev.dossier.application.replay.TimeTravel;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.ReadStreams;
import dev.dossier.infrastructure.json.MergedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The difference in an aggregate between two points: the events in between and the top-level payload
 * fields whose merged value changed (see {@link MergedFields}). For a host's own state, fold with
 * {@link TimeTravel#stateAt} at both points and compare.
 *
 * @param events  the events between the points, in version order
 * @param before  the merged fields at the first point
 * @param after   the merged fields at the second point
 * @param changes the fields that differ, sorted by name
 */
public record StateDiff(List<RecordedEvent> events, MergedFields before, MergedFields after, List<FieldChange> changes) {

    public StateDiff {
        events = List.copyOf(events);
        changes = List.copyOf(changes);
    }

    /** The difference in {@code stream} from {@code from} to {@code to}. */
    public static StateDiff between(ReadStreams streams, StreamId stream, PointInTime from, PointInTime to) {
        TimeTravel.Between between = new TimeTravel(streams).between(stream, from, to);
        MergedFields before = MergedFields.of(between.atFrom());
        MergedFields after = MergedFields.of(between.atTo());
        var names = new TreeSet<>(before.asMap().keySet());
        names.addAll(after.asMap().keySet());
        var changes = new ArrayList<FieldChange>();
        for (String name : names) {
            Optional<String> was = Optional.ofNullable(before.get(name));
            Optional<String> is = Optional.ofNullable(after.get(name));
            if (!was.equals(is)) {
                changes.add(new FieldChange(name, was, is));
            }
        }
        return new StateDiff(between.events(), before, after, changes);
    }
}
