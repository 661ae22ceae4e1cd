package dev.dossier.eventstore.replay;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.error.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Packs a recording directory into one zip file and unpacks it again (refusing entries that leave the target). */
final class RecordingZip {
    private RecordingZip() {
    }

    static boolean isZip(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    static void zip(Path directory, Path zipFile) {
        try (OutputStream file = Files.newOutputStream(zipFile); var zip = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path path : files) {
                String name = directory.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
                zip.putNextEntry(new ZipEntry(name));
                Files.copy(path, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new StorageException("write the zip " + zipFile, e);
        }
    }

    static void unzip(Path zipFile, Path target) {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream file = Files.newInputStream(zipFile); var zip = new ZipInputStream(file)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root) || out.equals(root)) {
                    throw new InvalidInputException("recording", "the zip entry '" + entry.getName()
                            + "' would be written outside the recording");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out);
                }
            }
        } catch (IOException e) {
            throw new StorageException("read the zip " + zipFile, e);
        }
    }
}
