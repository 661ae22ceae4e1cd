package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The permissions the store's new files and directories are created with: owner-only ({@code rw-------},
 * {@code rwx------}) when asked for on a POSIX file system, else none given (the file system's defaults).
 * The arrays it hands out are shared and must not be changed.
 */
final class StorePermissions {
    private final FileAttribute<?>[] files;
    private final FileAttribute<?>[] directories;

    StorePermissions(boolean ownerOnly, boolean posix) {
        boolean restrict = ownerOnly && posix;
        this.files = restrict
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        this.directories = restrict
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    /** The attributes to create a file with; empty for the file system's defaults. */
    FileAttribute<?>[] files() {
        return files;
    }

    /** The attributes to create a directory with; empty for the file system's defaults. */
    FileAttribute<?>[] directories() {
        return directories;
    }

    /**
     * Gives {@code replacement} the permission bits of the regular file {@code target} it is about to
     * replace, so that a process opening the store with other permission options does not change them. Best
     * effort: for a new file, a file system without POSIX permissions or one that refuses the change, the
     * replacement keeps the permissions it was created with.
     */
    static void keep(Path target, Path replacement) {
        try {
            PosixFileAttributes existing = Files.readAttributes(target, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (existing.isRegularFile()) {
                Files.setPosixFilePermissions(replacement, existing.permissions());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the replacement keeps the permissions it was created with
        }
    }
}
