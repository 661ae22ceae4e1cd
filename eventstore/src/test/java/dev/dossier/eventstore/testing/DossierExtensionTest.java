package dev.dossier.eventstore.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.AppendEvents;
import dev.dossier.domain.port.EventStorePort;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension as a host's test suite meets it: the fixture classes below run on their own JUnit
 * platform, so this test can look at their stores after JUnit has cleaned up.
 */
class DossierExtensionTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1");

    private static TestExecutionSummary run(Class<?> fixture, Map<String, String> configuration) {
        var listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                .configurationParameters(configuration).build(), listener);
        return listener.getSummary();
    }

    private static void assertAllPassed(TestExecutionSummary summary, long tests) {
        summary.getFailures().forEach(failure -> {
            throw new AssertionError(failure.getTestIdentifier().getDisplayName(), failure.getException());
        });
        assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
    }

    @Test
    void a_recording_and_an_event_set_are_injected_and_deleted_after_each_test() {
        Fixture.DIRECTORIES.clear();

        assertAllPassed(run(Fixture.class, Map.of()), 4);

        assertThat(Fixture.DIRECTORIES).hasSize(3).doesNotHaveDuplicates().allSatisfy(dir -> assertThat(dir).doesNotExist());
    }

    @Test
    void concurrent_tests_each_get_a_store_of_their_own() {
        ParallelFixture.DIRECTORIES.clear();

        assertAllPassed(run(ParallelFixture.class, Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4")), 2);

        assertThat(ParallelFixture.DIRECTORIES).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(dir -> assertThat(dir).doesNotExist());
    }

    @Test
    void a_parameter_without_a_dossier_annotation_is_left_to_other_resolvers() {
        assertThat(run(Unannotated.class, Map.of()).getTestsFailedCount()).isEqualTo(1);
    }

    /** One order placed. */
    static final class OnePlacedOrder implements EventSet {
        @Override
        public void appendTo(AppendEvents store) {
            store.append(ORDER, ExpectedVersion.noStream(), NewEvent.of("OrderPlaced", RawJson.of("{\"customer\":\"ada\"}")));
        }
    }

    static class Fixture {
        static final Queue<Path> DIRECTORIES = new ConcurrentLinkedQueue<>();

        @Test
        void recording_on_disk(@Recording("recordings/checkout-7f3a.zip") RecordedStore recorded) {
            DIRECTORIES.add(recorded.directory().orElseThrow());
            assertThat(recorded.events()).hasSize(7);
            assertThat(recorded.manifest()).isPresent();
        }

        @Test
        void recording_in_memory(@Recording(value = "/recordings/checkout-7f3a.zip", kind = StoreKind.IN_MEMORY)
                                 EventStorePort store) {
            assertThat(store.countEvents()).isEqualTo(7);
        }

        @Test
        void events_on_disk(@GivenEvents(value = OnePlacedOrder.class, kind = StoreKind.FILESYSTEM) RecordedStore recorded) {
            DIRECTORIES.add(recorded.directory().orElseThrow());
            assertThat(recorded.replayAll(event -> { })).isEqualTo(1);
        }

        @Test
        void two_stores_in_one_test(@Recording("recordings/checkout-7f3a.zip") RecordedStore first,
                                    @GivenEvents(OnePlacedOrder.class) RecordedStore second) {
            DIRECTORIES.add(first.directory().orElseThrow());
            assertThat(second.directory()).isEqualTo(Optional.empty());
            assertThat(second.events()).hasSize(1);
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    static class ParallelFixture {
        static final Queue<Path> DIRECTORIES = new ConcurrentLinkedQueue<>();
        static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

        @Test
        void first(@Recording("recordings/checkout-7f3a.zip") RecordedStore recorded) throws Exception {
            appendWhileTheOtherTestRuns(recorded);
        }

        @Test
        void second(@Recording("recordings/checkout-7f3a.zip") RecordedStore recorded) throws Exception {
            appendWhileTheOtherTestRuns(recorded);
        }

        private static void appendWhileTheOtherTestRuns(RecordedStore recorded) throws Exception {
            DIRECTORIES.add(recorded.directory().orElseThrow());
            BOTH_RUNNING.await(30, TimeUnit.SECONDS);
            recorded.store().append(StreamId.of("order", "o-1001"), ExpectedVersion.exactly(4),
                    NewEvent.of("Noted", RawJson.of("{}")));
            assertThat(recorded.events()).hasSize(8);
        }
    }

    static class Unannotated {
        @Test
        void store(RecordedStore recorded) {
            assertThat(recorded).isNotNull();
        }
    }
}
