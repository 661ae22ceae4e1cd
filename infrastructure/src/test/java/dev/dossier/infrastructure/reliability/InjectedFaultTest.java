package dev.dossier.infrastructure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.infrastructure.faults.FaultyFileSystem;
import dev.dossier.infrastructure.faults.Faults;
import dev.dossier.infrastructure.faults.Op;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileSystemFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link ScriptedWorkload} once per operation number on a {@link FaultyFileSystem}, failing exactly
 * that operation (or, in the full-disk test, everything that needs space from it on), then audits the
 * store on the real file system.
 */
class InjectedFaultTest {
    @TempDir
    Path dir;

    @Test
    void a_failure_at_any_single_operation_loses_nothing_acknowledged_and_exposes_nothing_partial() {
        long operations = operationsOfTheWorkload();
        long injected = 0;
        long lost = 0;
        for (long at = 1; at <= operations; at++) {
            Path base = dir.resolve("fail-" + at);
            var faults = new Faults().failAt(at);
            var ledger = new AppendLedger();
            int failed = new ScriptedWorkload(new FaultyFileSystem(faults, FaultyFileSystem.FileEvents.NONE, false)
                    .wrap(base.resolve("store")), ledger, () -> { }).run();

            assertThat(faults.injected()).as("operation %d was reached and failed", at).isEqualTo(1);
            assertThat(failed).as("one injected failure fails at most one step (operation %d)", at).isLessThanOrEqualTo(1);
            lost += ledger.verify(StoreAudit.check(base.resolve("store"), Durability.OS_BUFFERED), ledger.mark());
            injected += faults.injected();
            FileSystemFixture.deleteTree(base);
        }
        System.out.printf("[reliability] injected faults: %d operations in the workload, %d failures injected,"
                + " %d acknowledged events lost%n", operations, injected, lost);
        assertThat(lost).isZero();
    }

    @Test
    void a_failure_whose_clean_up_fails_too_never_leaves_a_partial_batch_and_the_store_recovers_on_reopen() {
        long operations = operationsOfTheWorkload();
        long lost = 0;
        long injected = 0;
        for (long at = 1; at <= operations; at++) {
            Path base = dir.resolve("no-clean-up-" + at);
            var faults = new Faults().failAt(at).failCleanUp(Set.of(Op.TRUNCATE, Op.DELETE));
            var ledger = new AppendLedger();
            int failed = new ScriptedWorkload(new FaultyFileSystem(faults, FaultyFileSystem.FileEvents.NONE, false)
                    .wrap(base.resolve("store")), ledger, faults::heal).run();

            assertThat(failed).as("the failure at operation %d fails one step; the next one reopens if needed", at)
                    .isLessThanOrEqualTo(1);
            lost += ledger.verify(StoreAudit.check(base.resolve("store"), Durability.OS_BUFFERED), ledger.mark());
            injected += faults.injected();
            FileSystemFixture.deleteTree(base);
        }
        System.out.printf("[reliability] failures with failing clean-up: %d operations, %d failures injected"
                + " (including truncations and deletes), %d acknowledged events lost%n", operations, injected, lost);
        assertThat(lost).isZero();
    }

    @Test
    void a_full_disk_at_any_operation_fails_appends_cleanly_and_appends_resume_once_space_is_freed() {
        long operations = operationsOfTheWorkload();
        long lost = 0;
        long injected = 0;
        for (long at = 1; at <= operations; at++) {
            Path base = dir.resolve("full-" + at);
            var faults = new Faults().fillDiskAt(at);
            var failures = new AtomicInteger();
            var ledger = new AppendLedger();
            var workload = new ScriptedWorkload(new FaultyFileSystem(faults, FaultyFileSystem.FileEvents.NONE, false)
                    .wrap(base.resolve("store")), ledger, () -> {
                        if (failures.incrementAndGet() == 2) {
                            faults.freeDisk();
                        }
                    });
            int failed = workload.run();

            assertThat(failed).as("only the steps while the disk was full fail (from operation %d)", at)
                    .isLessThanOrEqualTo(2);
            lost += ledger.verify(StoreAudit.check(base.resolve("store"), Durability.OS_BUFFERED), ledger.mark());
            injected += faults.injected();
            FileSystemFixture.deleteTree(base);
        }
        System.out.printf("[reliability] full disk: %d starting points, %d failures injected,"
                + " %d acknowledged events lost%n", operations, injected, lost);
        assertThat(lost).isZero();
    }

    private long operationsOfTheWorkload() {
        var faults = new Faults();
        Path base = dir.resolve("dry-run");
        var ledger = new AppendLedger();
        int failed = new ScriptedWorkload(new FaultyFileSystem(faults, FaultyFileSystem.FileEvents.NONE, false)
                .wrap(base.resolve("store")), ledger, () -> { }).run();
        assertThat(failed).isZero();
        ledger.verify(StoreAudit.check(base.resolve("store"), Durability.OS_BUFFERED), ledger.mark());
        System.out.printf("[reliability] the fault workload's operations by kind: %s%n", Arrays.stream(Op.values())
                .map(op -> op + "=" + faults.count(op)).collect(Collectors.joining(", ")));
        return faults.count();
    }
}
