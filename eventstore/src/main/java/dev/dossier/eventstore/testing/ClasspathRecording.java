package dev.dossier.eventstore.testing;

import dev.dossier.domain.error.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Finds a recording on a test's class path. A resource in a directory (the usual
 * {@code target/test-classes}) is used where it is; a zip inside a jar is first copied to a temporary
 * file. A recording directory inside a jar is not supported: ship it zipped.
 */
final class ClasspathRecording {
    private ClasspathRecording() {
    }

    /** Loads a store from the resource {@code name} with {@code load}. */
    static <T> T load(Class<?> testClass, String name, Function<Path, T> load) {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        URL url = testClass.getClassLoader().getResource(resource);
        if (url == null) {
            throw new ParameterResolutionException("no recording '" + resource + "' on the test class path"
                    + " (put it under src/test/resources)");
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return load.apply(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new ParameterResolutionException("cannot read the recording at " + url, e);
            }
        }
        Path copy = null;
        try (InputStream in = url.openStream()) {
            copy = Files.createTempFile("dossier-recording-", ".zip");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return load.apply(copy);
        } catch (IOException e) {
            throw new StorageException("copy the recording " + url + " out of its jar", e);
        } finally {
            if (copy != null) {
                ScratchDirectory.delete(copy);
            }
        }
    }
}
