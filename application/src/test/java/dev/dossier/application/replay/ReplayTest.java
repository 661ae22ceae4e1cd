package dev.dossier.application.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.port.ReadAllEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {
    private final Events events = new Events();

    private ReadAllEvents source() {
        List<RecordedEvent> all = events.all();
        return new ReadAllEvents() {
            @Override
            public List<RecordedEvent> readAll(GlobalPosition from, int limit) {
                int start = (int) Math.min(all.size(), from.value() - 1);
                return all.subList(start, Math.min(all.size(), start + Math.min(limit, 2)));
            }

            @Override
            public long lastPosition() {
                return all.size();
            }
        };
    }

    private void fiveEvents() {
        events.add("a", "Opened", "{}", null, null);
        events.add("b", "Opened", "{}", null, null);
        events.add("a", "Changed", "{}", null, null);
        events.add("a", "Closed", "{}", null, null);
        events.add("b", "Closed", "{}", null, null);
    }

    @Test
    void stepping_visits_every_event_once_in_global_order_across_pages() {
        fiveEvents();
        var seen = new ArrayList<RecordedEvent>();
        Replay replay = Replay.of(source(), seen::add);

        while (replay.next().isPresent()) {
            assertThat(seen).hasSize((int) replay.delivered());
        }

        assertThat(seen).containsExactlyElementsOf(events.all());
        assertThat(replay.isFinished()).isTrue();
    }

    @Test
    void running_to_an_event_type_stops_after_it_and_the_state_is_observable_between_steps() {
        fiveEvents();
        var seen = new ArrayList<RecordedEvent>();
        Replay replay = Replay.of(source(), seen::add);

        assertThat(replay.runToEventType(EventType.of("Closed"))).map(e -> e.position().value()).contains(4L);
        assertThat(seen).hasSize(4);
        assertThat(replay.peek()).map(e -> e.position().value()).contains(5L);
        assertThat(replay.runTo(e -> e.stream().id().value().equals("zzz"))).isEmpty();
        assertThat(seen).hasSize(5);
    }

    @Test
    void running_to_a_position_or_an_instant_delivers_only_the_events_up_to_it() {
        fiveEvents();
        var seen = new ArrayList<RecordedEvent>();
        Replay replay = Replay.of(source(), seen::add);

        assertThat(replay.runToPosition(2)).isEqualTo(2);
        assertThat(replay.runUntil(events.all().get(2).timestamp())).isEqualTo(1);
        assertThat(replay.runAll()).isEqualTo(2);
        assertThat(seen).containsExactlyElementsOf(events.all());
    }

    @Test
    void a_scaled_pace_waits_the_original_gaps_divided_by_the_speed() {
        fiveEvents();
        var waits = new ArrayList<Duration>();
        var replay = new Replay(source(), List.of(e -> { }), Pace.scaled(2), waits::add);

        replay.runAll();

        assertThat(waits).containsExactly(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(5),
                Duration.ofMillis(5));
    }

    @Test
    void the_fastest_pace_never_waits() {
        fiveEvents();
        var waits = new ArrayList<Duration>();
        new Replay(source(), List.of(e -> { }), Pace.fastest(), waits::add).runAll();

        assertThat(waits).allMatch(Duration::isZero);
    }
}
