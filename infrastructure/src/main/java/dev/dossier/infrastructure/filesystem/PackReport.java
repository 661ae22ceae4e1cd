package dev.dossier.infrastructure.filesystem;

/**
 * What packing did.
 *
 * @param packs       range files written
 * @param events      events moved into them
 * @param filesBefore files those events lay in before (event files and smaller range files)
 * @param filesAfter  files they lie in now
 */
public record PackReport(int packs, long events, long filesBefore, long filesAfter) {
    static final PackReport EMPTY = new PackReport(0, 0, 0, 0);

    PackReport plus(PackReport other) {
        return new PackReport(packs + other.packs, events + other.events, filesBefore + other.filesBefore,
                filesAfter + other.filesAfter);
    }
}
