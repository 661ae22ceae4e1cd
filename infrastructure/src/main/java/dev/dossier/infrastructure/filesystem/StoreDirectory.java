package dev.dossier.infrastructure.filesystem;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Questions about a directory that can be answered without opening (and so possibly creating) a store. */
public final class StoreDirectory {
    private StoreDirectory() {
    }

    /** Whether {@code root} holds a store: it has the format marker {@code metadata/format.json}. Never throws. */
    public static boolean isStore(Path root) {
        try {
            return Files.isRegularFile(new StoreLayout(root).marker(), LinkOption.NOFOLLOW_LINKS);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
