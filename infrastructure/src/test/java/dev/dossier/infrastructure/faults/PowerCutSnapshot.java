package dev.dossier.infrastructure.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * The durable state of a {@link PowerCutModel} at one crash point. {@link #materialize} writes what the
 * disk would hold after the power came back, in one of three {@link Outcome}s.
 */
public final class PowerCutSnapshot {
    private final Map<Long, byte[]> durableData;
    private final Map<Long, Map<String, Long>> durableEntries;
    private final Map<Long, byte[]> currentData;
    private final long baseId;

    PowerCutSnapshot(Map<Long, byte[]> durableData, Map<Long, Map<String, Long>> durableEntries,
                     Map<Long, byte[]> currentData, long baseId) {
        this.durableData = durableData;
        this.durableEntries = durableEntries;
        this.currentData = currentData;
        this.baseId = baseId;
    }

    /** Which unforced file data survived the cut; unforced directory entries never do. */
    public enum Outcome {
        /** Only forced data: every unforced write and truncation is lost. */
        FORCED_ONLY,
        /** The OS had written back all data, forced or not (but no unforced directory entry). */
        DATA_WRITTEN_BACK,
        /** Of the data appended since the last force, a random prefix survived (a torn write). */
        TORN
    }

    /** Writes the surviving tree into the empty directory {@code target}. */
    public void materialize(Path target, Outcome outcome, long seed) throws IOException {
        write(target, baseId, outcome, new Random(seed));
    }

    private void write(Path directory, long id, Outcome outcome, Random random) throws IOException {
        for (Map.Entry<String, Long> entry : durableEntries.get(id).entrySet()) {
            Path path = directory.resolve(entry.getKey());
            long child = entry.getValue();
            if (durableEntries.containsKey(child)) {
                Files.createDirectory(path);
                write(path, child, outcome, random);
            } else {
                Files.write(path, dataOf(child, outcome, random));
            }
        }
    }

    private byte[] dataOf(long id, Outcome outcome, Random random) {
        byte[] durable = durableData.getOrDefault(id, new byte[0]);
        byte[] current = currentData.get(id);
        if (current == null || outcome == Outcome.FORCED_ONLY) {
            return durable;
        }
        if (outcome == Outcome.DATA_WRITTEN_BACK) {
            return current;
        }
        boolean appended = current.length > durable.length
                && Arrays.equals(durable, 0, durable.length, current, 0, durable.length);
        return appended ? Arrays.copyOf(current, durable.length + random.nextInt(current.length - durable.length + 1))
                : durable;
    }
}
