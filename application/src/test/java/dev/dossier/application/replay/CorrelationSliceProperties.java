package dev.dossier.application.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A slice by correlation id, over random causation graphs. */
class CorrelationSliceProperties {

    /** One generated event: its aggregate, its correlation (0 none, 1 "X", 2 "Y"), and its cause. */
    record Spec(int aggregate, int correlation, int cause) {
    }

    @Property(tries = 300)
    void a_slice_by_correlation_id_matches_exactly_the_causally_linked_events(@ForAll("graphs") List<Spec> graph) {
        List<RecordedEvent> events = build(graph);

        Slice slice = EventSlicer.slice(EventFeed.of(events), RecordingFilter.all().correlation("X"));

        assertThat(slice.matched()).isEqualTo(linkedTo("X", events));
    }

    @Property(tries = 300)
    void a_slice_holds_the_matched_events_and_only_the_earlier_history_of_their_aggregates(
            @ForAll("graphs") List<Spec> graph) {
        List<RecordedEvent> events = build(graph);

        Slice slice = EventSlicer.slice(EventFeed.of(events), RecordingFilter.all().correlation("X"));

        Map<StreamId, Long> reach = new HashMap<>();
        slice.matchedEvents().forEach(e -> reach.merge(e.stream(), e.version().value(), Math::max));
        List<RecordedEvent> expected = events.stream()
                .filter(e -> e.version().value() <= reach.getOrDefault(e.stream(), 0L)).toList();
        assertThat(slice.events()).isEqualTo(expected);
    }

    /** The causal closure computed as a graph search, independently of the slicer's single pass. */
    private static Set<UUID> linkedTo(String id, List<RecordedEvent> events) {
        Map<String, List<RecordedEvent>> effects = events.stream().filter(e -> e.causationId().isPresent())
                .collect(Collectors.groupingBy(e -> e.causationId().get()));
        var linked = new HashSet<UUID>();
        var todo = new ArrayDeque<RecordedEvent>();
        events.stream().filter(e -> e.correlationId().filter(id::equals).isPresent()).forEach(todo::add);
        todo.addAll(effects.getOrDefault(id, List.of()));
        while (!todo.isEmpty()) {
            RecordedEvent event = todo.poll();
            if (linked.add(event.eventId())) {
                todo.addAll(effects.getOrDefault(event.eventId().toString(), List.of()));
            }
        }
        return linked;
    }

    private static List<RecordedEvent> build(List<Spec> graph) {
        var events = new Events();
        for (int i = 0; i < graph.size(); i++) {
            Spec spec = graph.get(i);
            String correlation = spec.correlation() == 0 ? null : spec.correlation() == 1 ? "X" : "Y";
            String cause = spec.cause() < 0 ? null : spec.cause() == 0 ? "X"
                    : i == 0 ? null : events.all().get((spec.cause() - 1) % i).eventId().toString();
            events.add("a" + spec.aggregate(), "Happened", "{\"n\":" + i + "}", correlation, cause);
        }
        return events.all();
    }

    @Provide
    Arbitrary<List<Spec>> graphs() {
        Arbitrary<Spec> spec = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2).withDistribution(net.jqwik.api.RandomDistribution.uniform()),
                Arbitraries.integers().between(-3, 40)).as(Spec::new);
        return spec.list().ofMinSize(0).ofMaxSize(40);
    }
}
