package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A large read is shared between its caller and one helper thread, and gives the same result as a plain loop. */
class ReadHelperTest {
    private final ReadHelper helper = new ReadHelper();

    @AfterEach
    void close() {
        helper.close();
    }

    private static List<Integer> numbers(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Property(tries = 200)
    void the_results_are_the_chunks_results_in_order_whoever_ran_them(@ForAll @IntRange(max = 3_000) int items) {
        try (var shared = new Closing(new ReadHelper())) {
            assertThat(shared.helper.run(items, ReadHelperTest::numbers)).isEqualTo(numbers(0, items));
        }
    }

    @Test
    void a_read_one_item_past_the_threshold_is_shared_with_the_helper_thread() {
        int items = ReadHelper.ALONE + 1;
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch helped = new CountDownLatch(1);
        List<Integer> result = helper.run(items, (from, to) -> {
            threads.add(Thread.currentThread().getName());
            if (Thread.currentThread().getName().equals("dossier-reader")) {
                helped.countDown();
            } else if (from == 0) {
                await(helped);
            }
            return numbers(from, to);
        });
        assertThat(result).isEqualTo(numbers(0, items));
        assertThat(threads).contains("dossier-reader");
    }

    @Test
    void a_read_of_up_to_the_threshold_runs_on_the_calling_thread_alone() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        helper.run(ReadHelper.ALONE, (from, to) -> {
            threads.add(Thread.currentThread());
            return numbers(from, to);
        });
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void a_failure_on_the_helper_thread_is_thrown_to_the_caller() {
        CountDownLatch failed = new CountDownLatch(1);
        assertThatThrownBy(() -> helper.run(ReadHelper.CHUNK * 4, (from, to) -> {
            if (Thread.currentThread().getName().equals("dossier-reader")) {
                failed.countDown();
                throw new IllegalStateException("chunk from " + from + " is damaged");
            }
            if (from == 0) {
                await(failed);
            }
            return numbers(from, to);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("is damaged");
    }

    @Test
    void when_chunks_fail_on_both_threads_the_first_in_order_is_thrown() {
        CountDownLatch laterFailed = new CountDownLatch(1);
        assertThatThrownBy(() -> helper.run(ReadHelper.CHUNK * 4, (from, to) -> {
            if (from == ReadHelper.CHUNK) {
                laterFailed.countDown();
                throw new IllegalStateException("the second chunk is damaged");
            }
            await(laterFailed);
            throw new IllegalStateException("the first chunk is damaged");
        })).hasMessage("the first chunk is damaged");
    }

    @Test
    void the_helper_binds_with_the_callers_context_class_loader_and_inherits_no_thread_local() {
        ClassLoader hosts = new ClassLoader(getClass().getClassLoader()) {
        };
        InheritableThreadLocal<String> tenant = new InheritableThreadLocal<>();
        Thread caller = Thread.currentThread();
        ClassLoader own = caller.getContextClassLoader();
        tenant.set("ada");
        try {
            Set<Object> first = helpersView(tenant);
            caller.setContextClassLoader(hosts);
            Set<Object> second = helpersView(tenant);
            assertThat(first).as("the thread is made during this read").containsExactlyInAnyOrder(own, "null");
            assertThat(second).as("the same thread, helping a caller with another loader")
                    .containsExactlyInAnyOrder(hosts, "null");
        } finally {
            caller.setContextClassLoader(own);
            tenant.remove();
        }
    }

    /** The context class loader and the value of {@code local} the helper thread has while it helps a read. */
    private Set<Object> helpersView(ThreadLocal<String> local) {
        Set<Object> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch helped = new CountDownLatch(1);
        helper.run(ReadHelper.CHUNK * 4, (from, to) -> {
            if (Thread.currentThread().getName().equals("dossier-reader")) {
                seen.add(Thread.currentThread().getContextClassLoader());
                seen.add(String.valueOf(local.get()));
                helped.countDown();
            } else if (from == 0) {
                await(helped);
            }
            return numbers(from, to);
        });
        return seen;
    }

    @Test
    void a_failure_on_the_calling_thread_is_thrown_as_it_is() {
        assertThatThrownBy(() -> helper.run(ReadHelper.CHUNK * 4, (from, to) -> {
            throw new IllegalArgumentException("chunk from " + from + " is damaged");
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is damaged");
    }

    @Test
    void the_helper_thread_is_a_daemon_and_ends_at_close_after_which_reads_run_alone() {
        Set<Thread> helpers = ConcurrentHashMap.newKeySet();
        CountDownLatch helped = new CountDownLatch(1);
        helper.run(ReadHelper.CHUNK * 4, (from, to) -> {
            if (Thread.currentThread().getName().equals("dossier-reader")) {
                helpers.add(Thread.currentThread());
                helped.countDown();
            } else if (from == 0) {
                await(helped);
            }
            return numbers(from, to);
        });
        assertThat(helpers).hasSize(1).allMatch(Thread::isDaemon);
        helper.close();
        assertThat(helpers).noneMatch(Thread::isAlive);
        Set<Thread> after = ConcurrentHashMap.newKeySet();
        assertThat(helper.run(ReadHelper.CHUNK * 4, (from, to) -> {
            after.add(Thread.currentThread());
            return numbers(from, to);
        })).isEqualTo(numbers(0, ReadHelper.CHUNK * 4));
        assertThat(after).containsExactly(Thread.currentThread());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the helper thread took a chunk").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Closing(ReadHelper helper) implements AutoCloseable {
        @Override
        public void close() {
            helper.close();
        }
    }
}
