package dev.dossier.eventstore.cli;

import java.io.PrintStream;

/** A one-line progress bar on standard error, redrawn in place; silent when no person watches a terminal. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean enabled;
    private final long total;
    private int drawnPercent = -1;

    ProgressBar(PrintStream err, boolean enabled, long total) {
        this.err = err;
        this.enabled = enabled && total > 0;
        this.total = total;
    }

    void update(long done) {
        if (!enabled) {
            return;
        }
        int percent = (int) (done * 100 / total);
        if (percent == drawnPercent) {
            return;
        }
        drawnPercent = percent;
        int filled = (int) (done * WIDTH / total);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " (" + percent + "%)");
        err.flush();
    }

    void finish() {
        if (enabled && drawnPercent >= 0) {
            err.println();
        }
    }
}
