package dev.dossier.benchmark;

/**
 * One workload's outcome on both subjects.
 *
 * @param unit         what opsPerSec counts ("events/s", "loads/s", ...)
 * @param higherIsBetter false for figures like disk bytes per payload byte
 */
record Result(String name, String unit, boolean higherIsBetter, Measure dossier, Measure sqlite) {

    /** Dossier's figure over SQLite's, oriented so that above 1 means Dossier is better. */
    double ratio() {
        return higherIsBetter ? dossier.opsPerSec() / sqlite.opsPerSec() : sqlite.opsPerSec() / dossier.opsPerSec();
    }
}
