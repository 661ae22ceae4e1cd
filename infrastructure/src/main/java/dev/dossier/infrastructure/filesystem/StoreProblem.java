package dev.dossier.infrastructure.filesystem;

import java.util.Objects;

/**
 * One thing wrong in a store, found by {@link FileStoreVerifier}.
 *
 * @param path        the file or directory, relative to the store root with forward slashes
 * @param description what is wrong, for a person
 */
public record StoreProblem(String path, String description) {
    public StoreProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return path + ": " + description;
    }
}
