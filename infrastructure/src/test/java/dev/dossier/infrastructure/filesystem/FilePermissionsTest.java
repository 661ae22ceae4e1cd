package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only permissions by default (files 0600, directories 0700); {@code sharedAccess} leaves them to the umask. */
class FilePermissionsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void onlyOnPosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    private static void fill(Path root, boolean shared) {
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withSharedAccess(shared).withRegistryInterval(1))) {
            store.append(StreamId.of("Account", "a/1"), ExpectedVersion.any(), NewEvent.of("E", RawJson.of("{}")));
            store.append(StreamId.of("Account", "a/1"), ExpectedVersion.any(), NewEvent.of("E", RawJson.of("{}")));
        }
    }

    @Test
    void every_file_is_owner_only_and_every_directory_too_by_default() throws IOException {
        Path root = dir.resolve("new").resolve("store");
        fill(root, false);
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                String expected = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------";
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)))
                        .as(root.relativize(path).toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void shared_access_leaves_permissions_to_the_process_defaults() throws IOException {
        Path root = dir.resolve("store");
        fill(root, true);
        String defaultFile = PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe"))));
        String defaultDirectory = PosixFilePermissions.toString(Files.getPosixFilePermissions(
                Files.createDirectory(dir.resolve("probe-dir"))));
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.skip(1).toList()) {
                String expected = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? defaultDirectory : defaultFile;
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)))
                        .as(root.relativize(path).toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void a_file_the_store_replaces_keeps_its_permissions_whoever_replaces_it() throws IOException {
        Path root = dir.resolve("store");
        fill(root, true);
        Path statistics = root.resolve("metadata/storage-statistics.json");
        Path types = root.resolve("metadata/aggregate-types.json");
        Path journal = root.resolve("metadata/journal.jsonl");
        Files.writeString(statistics, "{}");
        Files.writeString(types, "{}");
        for (Path file : List.of(statistics, types, journal)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        }

        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withSharedAccess(false)
                .withCheckpointInterval(2).withRegistryInterval(1))) {
            for (int i = 0; i < 6; i++) {
                store.append(StreamId.of("Account", "a/2"), ExpectedVersion.any(), NewEvent.of("E", RawJson.of("{}")));
            }
        }

        assertThat(Files.readString(statistics)).contains("\"events\": 8");
        for (Path file : List.of(statistics, types, journal)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(root.relativize(file).toString()).isEqualTo("rw-r-----");
        }
    }
}
