package dev.dossier.infrastructure.faults;

/** The kinds of file-system operation the faulty file system counts and can fail. */
public enum Op {
    /** Opening a file channel (creating the file when asked to). */
    OPEN,
    CREATE_DIRECTORY,
    READ,
    WRITE,
    FORCE,
    TRUNCATE,
    LOCK,
    MOVE,
    DELETE,
    /** Opening a directory listing. */
    LIST;

    /** Operations a full disk makes fail: everything that may need a free block or inode. */
    public boolean needsSpace() {
        return this == OPEN || this == CREATE_DIRECTORY || this == WRITE || this == FORCE || this == MOVE;
    }
}
