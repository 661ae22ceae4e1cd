package dev.dossier.infrastructure.filesystem;

/** When the filesystem store forces written data to the disk. */
public enum Durability {
    /**
     * The default: an append returns only after its event files, their directories and the index are
     * forced to the disk, so an acknowledged append survives a crash or a power loss.
     */
    SYNC,
    /**
     * Nothing is forced; the operating system writes data back when it chooses. Still atomic and crash-safe
     * for a killed process, but a power loss may lose recent appends. For tests and bulk loads.
     */
    OS_BUFFERED
}
