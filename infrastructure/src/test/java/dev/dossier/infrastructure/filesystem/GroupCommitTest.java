package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.StoreUnavailableException;
import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Group commit decides every request exactly once, whoever leads, and never leaves a caller waiting. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommitTest {
    private final GroupCommit groups = new GroupCommit();

    private static AppendRequest request(String id) {
        return new AppendRequest(StreamId.of("order", id), ExpectedVersion.any(), List.of());
    }

    /** Succeeds each request with its position in the commit order as its version. */
    private static GroupCommit.Committer numbering(AtomicInteger counter, List<Integer> sizes) {
        return group -> {
            synchronized (sizes) {
                sizes.add(group.size());
            }
            group.forEach(r -> r.succeed(new AppendResult(r.stream, Version.of(counter.incrementAndGet()), List.of())));
        };
    }

    @Test
    void every_request_of_many_threads_is_decided_once_with_its_own_result() throws Exception {
        var counter = new AtomicInteger();
        var sizes = new ArrayList<Integer>();
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<List<AppendResult>>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    var results = new ArrayList<AppendResult>();
                    for (int i = 0; i < each; i++) {
                        results.add(groups.submit(request("t" + thread), numbering(counter, sizes), (g, e) -> { }));
                    }
                    return results;
                }));
            }
            var versions = new ArrayList<Long>();
            for (int t = 0; t < threads; t++) {
                List<AppendResult> results = futures.get(t).get();
                StreamId own = StreamId.of("order", "t" + t);
                assertThat(results).hasSize(each).allMatch(r -> r.stream().equals(own));
                results.forEach(r -> versions.add(r.newVersion().value()));
            }
            assertThat(versions).doesNotHaveDuplicates().hasSize(threads * each);
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first commit holds the leader until two more requests wait; the second commit, of both, fails. */
    @Test
    void an_error_in_a_commit_fails_every_request_of_its_group_and_the_next_caller_leads_a_new_commit()
            throws Exception {
        var leaderInside = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var commits = new AtomicInteger();
        GroupCommit.Committer secondFails = group -> {
            int commit = commits.incrementAndGet();
            if (commit == 1) {
                leaderInside.countDown();
                await(release);
            } else if (commit == 2) {
                assertThat(group).hasSize(2);
                throw new OutOfMemoryError("simulated");
            }
            group.forEach(r -> r.succeed(new AppendResult(r.stream, Version.of(commit), List.of())));
        };
        GroupCommit.OnError unavailable = (group, e) -> group.forEach(r -> r.fail(new StoreUnavailableException(
                "cut short by " + e.getMessage())));
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<AppendResult> first = pool.submit(() -> groups.submit(request("a"), secondFails, unavailable));
            leaderInside.await();
            var failures = ConcurrentHashMap.<Class<?>>newKeySet();
            var followers = new ArrayList<Thread>();
            for (String id : List.of("b", "c")) {
                Thread follower = new Thread(() -> {
                    try {
                        groups.submit(request(id), secondFails, unavailable);
                    } catch (Throwable e) {
                        failures.add(e.getClass());
                    }
                });
                follower.start();
                followers.add(follower);
            }
            followers.forEach(GroupCommitTest::awaitWaiting);
            release.countDown();

            assertThat(first.get().newVersion()).isEqualTo(Version.of(1));
            for (Thread follower : followers) {
                follower.join();
            }
            assertThat(failures).containsExactlyInAnyOrder(OutOfMemoryError.class, StoreUnavailableException.class);
            assertThat(groups.submit(request("d"), secondFails, unavailable).newVersion()).isEqualTo(Version.of(3));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The leader decides both requests, wakes the callers and goes on working until the other caller is back. */
    @Test
    void a_caller_whose_request_is_decided_returns_while_the_leader_still_works() throws Exception {
        var otherReturned = new CountDownLatch(1);
        var returnedWhileLeading = new AtomicBoolean();
        var blocker = new CountDownLatch(1);
        GroupCommit.Committer decideThenWork = group -> {
            group.forEach(r -> r.succeed(new AppendResult(r.stream, Version.of(1), List.of())));
            groups.wakeDecided();
            if (group.size() == 2) {
                returnedWhileLeading.set(await(otherReturned, 10));
            }
        };
        var holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> groups.lead(() -> {
            holding.countDown();
            await(blocker, 30);
        }));
        holder.start();
        holding.await();
        var callers = new ArrayList<Thread>();
        for (String id : List.of("a", "b")) {
            Thread caller = new Thread(() -> {
                groups.submit(request(id), decideThenWork, (g, e) -> { });
                otherReturned.countDown();
            });
            caller.start();
            callers.add(caller);
        }
        callers.forEach(GroupCommitTest::awaitWaiting);
        blocker.countDown();
        for (Thread caller : callers) {
            caller.join();
        }
        holder.join();

        assertThat(returnedWhileLeading).isTrue();
    }

    @Test
    void a_commit_that_decides_nothing_fails_the_append_instead_of_leaving_its_caller_waiting() {
        GroupCommit.Committer forgetful = group -> { };

        assertThatThrownBy(() -> groups.submit(request("a"), forgetful, (g, e) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without deciding this append");
    }

    @Test
    void a_waiting_caller_that_is_interrupted_still_gets_its_outcome_and_keeps_the_interrupt() throws Exception {
        var leaderInside = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        GroupCommit.Committer slow = group -> {
            leaderInside.countDown();
            await(release);
            group.forEach(r -> r.succeed(new AppendResult(r.stream, Version.of(1), List.of())));
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> leader = pool.submit(() -> groups.submit(request("leader"), slow, (g, e) -> { }));
            leaderInside.await();
            var outcome = new Object() {
                volatile AppendResult result;
                volatile boolean interrupted;
            };
            Thread follower = new Thread(() -> {
                outcome.result = groups.submit(request("follower"), slow, (g, e) -> { });
                outcome.interrupted = Thread.currentThread().isInterrupted();
            });
            follower.start();
            awaitWaiting(follower);
            follower.interrupt();
            release.countDown();
            leader.get();
            follower.join();
            assertThat(outcome.result.stream()).isEqualTo(StreamId.of("order", "follower"));
            assertThat(outcome.interrupted).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void no_group_commits_while_another_action_leads() throws Exception {
        var inside = new AtomicInteger();
        var overlapped = new AtomicBoolean();
        GroupCommit.Committer committer = group -> {
            if (inside.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            for (int i = 0; i < 100; i++) {
                Thread.yield();
            }
            inside.decrementAndGet();
            group.forEach(r -> r.succeed(new AppendResult(r.stream, Version.of(1), List.of())));
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < 3; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        groups.submit(request("x"), committer, (g, e) -> { });
                    }
                }));
            }
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    groups.lead(() -> committer.commit(List.of()));
                }
            }));
            for (Future<?> future : futures) {
                future.get();
            }
            assertThat(overlapped).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until {@code thread} waits (for its request to be decided, here). */
    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " never waited; it is " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }

    /** Whether {@code latch} opened within {@code seconds}. */
    private static boolean await(CountDownLatch latch, long seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
