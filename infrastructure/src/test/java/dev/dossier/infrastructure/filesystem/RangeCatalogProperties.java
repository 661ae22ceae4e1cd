package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The catalog of range files answers like a plain list of ranges would, over any sequence of batches
 * appended (a new range after the others) and packs (one range replacing consecutive ones).
 */
class RangeCatalogProperties {
    private static final StreamId STREAM = StreamId.of("order", "o-1");
    private static final long BASE = 1_780_000_000_000L;

    /** An operation: {@code pack} false appends a range of {@code size} stamps after a gap of {@code gap}; true packs {@code size} consecutive ranges from the {@code gap}-th. */
    record Step(boolean pack, int gap, int size) {
    }

    @Property(tries = 300)
    void finds_the_range_that_holds_a_stamp_as_a_list_of_ranges_would(@ForAll("steps") List<Step> steps) {
        var catalog = new RangeCatalog(new StoreLayout(Path.of("/nonexistent-store")));
        var model = new ArrayList<StoreLayout.RangeName>();
        long next = 0;
        for (Step step : steps) {
            StoreLayout.RangeName name;
            if (!step.pack() || model.isEmpty()) {
                long first = next + step.gap();
                name = new StoreLayout.RangeName(stamp(first), stamp(first + step.size()));
                next = first + step.size() + 1;
                model.add(name);
            } else {
                int from = step.gap() % model.size();
                int to = Math.min(model.size(), from + step.size());
                name = new StoreLayout.RangeName(model.get(from).first(), model.get(to - 1).last());
                model.subList(from, to).clear();
                model.add(from, name);
            }
            catalog.added(STREAM, name, Path.of(name.first().digits() + "-" + name.last().digits() + ".jsonl"));
            for (long at = 0; at <= next; at++) {
                EventStamp probe = stamp(at);
                Optional<StoreLayout.RangeName> expected = model.stream().filter(r -> r.covers(probe)).findFirst();
                assertThat(catalog.find(STREAM, probe).map(RangeCatalog.Range::name)).isEqualTo(expected);
            }
        }
    }

    private static EventStamp stamp(long offset) {
        return new EventStamp(BASE + offset / 1000, (int) (offset % 1000));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.of(false, false, true),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 6)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }
}
