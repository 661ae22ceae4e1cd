package dev.dossier.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Bytes a directory tree occupies on disk: allocated blocks as {@code du} counts them; where {@code du}
 * is missing, file lengths rounded up to 4 KiB blocks.
 */
final class DiskUsage {
    private DiskUsage() {
    }

    static long of(Path root) {
        try {
            Process du = new ProcessBuilder("du", "-s", "--block-size=1", root.toString()).start();
            String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (du.waitFor() == 0 && !out.isEmpty()) {
                return Long.parseLong(out.split("\\s+")[0]);
            }
        } catch (IOException | NumberFormatException e) {
            // fall back below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.mapToLong(DiskUsage::rounded).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long rounded(Path path) {
        try {
            long size = Files.isRegularFile(path) ? Files.size(path) : 4096;
            return (size + 4095) / 4096 * 4096;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
