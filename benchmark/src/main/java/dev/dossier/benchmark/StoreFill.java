package dev.dossier.benchmark;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;

/** Fills a subject's store the way the read workloads and the large-store workloads need it. */
final class StoreFill {
    private static final String TYPE = "SampleRecorded";
    private static final String RARE = "RareRecorded";

    private StoreFill() {
    }

    /** Fills a store; 1% of events are RareRecorded; returns the time window around the middle 1%. */
    static Instant[] fill(Subject s, int events) {
        return fill(s, events, new long[1000]);
    }

    /** Like {@link #fill(Subject, int)}, continuing from the aggregates' versions in {@code versions}. */
    static Instant[] fill(Subject s, int events, long[] versions) {
        int aggregates = versions.length;
        Instant[] window = new Instant[2];
        int middle = events / 2;
        int onePercent = Math.max(1, events / 100);
        int i = 0;
        while (i < events) {
            if (i == middle) {
                pause();
                window[0] = Instant.now();
                pause();
            }
            int agg = (i / 10) % aggregates;
            int n = Math.min(10, events - i);
            if (i < middle + onePercent && i + n > middle + onePercent) {
                n = middle + onePercent - i;
            }
            var batch = new ArrayList<String>(n);
            for (int k = 0; k < n; k++) {
                batch.add(Payloads.json(i + k));
            }
            s.appendBatch("agg-" + agg, versions[agg], (i / 10) % 100 == 0 ? RARE : TYPE, batch);
            versions[agg] += n;
            i += n;
            if (i == middle + onePercent) {
                pause();
                window[1] = Instant.now();
                pause();
            }
        }
        return window;
    }

    private static void pause() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes back what the operating system still holds of earlier, unforced work (a warm-up or a fill, and
     * its checkpoints' files) with {@code sync}, and collects the garbage it left, so that durable appends
     * measured next do not pay for it (the warm-up leaves thousands of unforced files).
     */
    static void settle() {
        System.gc();
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            // no sync command: measured with whatever the OS has not written yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
