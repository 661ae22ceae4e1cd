package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Collection;

/**
 * Creates the store's directories with its permissions and reports which directories' entries changed, so
 * that the caller can force them. A directory another process creates at the same time is accepted; a
 * file or link where a directory should be is not ({@link FileAlreadyExistsException}).
 */
final class DirectoryCreator {
    private final FileAttribute<?>[] directoryAttributes;

    /** A creator that creates directories with {@code directoryAttributes}. */
    DirectoryCreator(FileAttribute<?>[] directoryAttributes) {
        this.directoryAttributes = directoryAttributes;
    }

    /**
     * Creates {@code directory} and any missing parents up to (not including) {@code root}; every directory
     * whose entries changed is added to {@code changedDirectories} so the caller can force it.
     */
    void createDirectories(Path root, Path directory, Collection<Path> changedDirectories) throws IOException {
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path parent = directory.getParent();
        if (!parent.equals(root)) {
            createDirectories(root, parent, changedDirectories);
        }
        try {
            Files.createDirectory(directory, directoryAttributes);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            return;
        }
        changedDirectories.add(parent);
    }
}
