package dev.dossier.infrastructure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.infrastructure.faults.FaultyFileSystem;
import dev.dossier.infrastructure.faults.Faults;
import dev.dossier.infrastructure.faults.Op;
import dev.dossier.infrastructure.faults.PowerCutModel;
import dev.dossier.infrastructure.faults.PowerCutSnapshot;
import dev.dossier.infrastructure.faults.PowerCutSnapshot.Outcome;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileSystemFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link ScriptedWorkload} once on a {@link FaultyFileSystem} that feeds a {@link PowerCutModel},
 * and takes the model's snapshot before every operation: a power cut there leaves exactly that
 * snapshot's durable state. Every snapshot is written out in each {@link Outcome}, opened on the real
 * file system, and audited against what had been acknowledged before the cut. Crash points whose on-disk
 * outcome is provably the same as the previous one (nothing changed on disk and nothing more was
 * acknowledged) are checked once.
 */
class PowerCutTest {
    @TempDir
    Path dir;

    /** The state a power cut before {@code operation} leaves; {@code forces} identifies its forced part. */
    private record CrashPoint(long operation, long forces, PowerCutSnapshot snapshot, AppendLedger.Mark mark) {
    }

    /** Reads, listings and locks change nothing on disk: a cut before one equals a cut before the previous operation. */
    private static boolean changesNothing(Op op) {
        return op == Op.READ || op == Op.LIST || op == Op.LOCK;
    }

    @Test
    void an_acknowledged_append_survives_a_power_cut_at_every_crash_point() throws IOException {
        Path base = Files.createDirectory(dir.resolve("live"));
        var model = new PowerCutModel(base);
        var ledger = new AppendLedger();
        var points = new ArrayList<CrashPoint>();
        var faults = new Faults();
        var crashPoints = new long[1];
        faults.listen((index, op, path) -> {
            crashPoints[0]++;
            CrashPoint last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last == null || !changesNothing(op) || !last.mark().equals(ledger.mark())) {
                points.add(new CrashPoint(index, model.forces(), model.snapshot(), ledger.mark()));
            }
        });
        int failed = new ScriptedWorkload(new FaultyFileSystem(faults, model, false).wrap(base.resolve("store")),
                ledger, () -> { }).run();
        assertThat(failed).isZero();
        points.add(new CrashPoint(faults.count() + 1, model.forces(), model.snapshot(), ledger.mark()));
        crashPoints[0]++;

        long checked = 0;
        long lost = 0;
        CrashPoint lastForcedOnly = null;
        for (CrashPoint point : points) {
            for (Outcome outcome : Outcome.values()) {
                if (outcome == Outcome.FORCED_ONLY) {
                    if (lastForcedOnly != null && lastForcedOnly.forces() == point.forces()
                            && lastForcedOnly.mark().equals(point.mark())) {
                        continue;
                    }
                    lastForcedOnly = point;
                }
                Path restored = dir.resolve("cut-" + point.operation() + "-" + outcome);
                Files.createDirectory(restored);
                point.snapshot().materialize(restored, outcome, point.operation());
                try {
                    lost += ledger.verify(StoreAudit.check(restored.resolve("store"), Durability.OS_BUFFERED), point.mark());
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("after a power cut before operation " + point.operation() + " ("
                            + outcome + "): " + e.getMessage(), e);
                }
                checked++;
                FileSystemFixture.deleteTree(restored);
            }
        }
        System.out.printf("[reliability] power cut: %d crash points (one before every operation and one at the end),"
                + " %d distinct on-disk outcomes restored and checked, %d acknowledged events (of %d) lost%n",
                crashPoints[0], checked, lost, ledger.acknowledgedCount());
        assertThat(lost).isZero();
    }
}
