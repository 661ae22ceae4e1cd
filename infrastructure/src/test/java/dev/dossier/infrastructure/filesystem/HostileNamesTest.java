package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names that try to escape the store, collide with its own files or with each other, or that file systems
 * treat specially: each is stored safely and round-trips, or is refused with {@link InvalidInputException};
 * no path ever leaves the store (checked on real paths).
 */
class HostileNamesTest {
    @TempDir
    Path dir;

    static Stream<String> hostileNames() {
        return Stream.of(".", "..", "...", "../../etc/passwd", "a/b", "a\\b", "/", "\\", "metadata", "METADATA",
                "Metadata", "snapshots", "con", "CON", "nul.txt", "aux", "com1", "LPT9", "prn.json", "a:b", "*?<>|\"",
                " ", " leading and trailing ", "trailing.", ".hidden", "%2e%2e", "%", "^a", "^", "~", "-", "x".repeat(200),
                "\u00e9", "e\u0301", "\u202Eevil", "\uD83D\uDE42", "\u00a0", "\uFEFF", ".tmp-1234.part", "00000000000000000000");
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void a_hostile_name_is_stored_inside_the_store_and_round_trips(String name) throws IOException {
        Path root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED))) {
            StreamId stream = StreamId.of(name, name);
            AppendResult written = store.append(stream, ExpectedVersion.noStream(), NewEvent.of(name, RawJson.of("{}")));

            assertThat(store.readStream(stream)).isEqualTo(written.events());
            assertThat(store.readByEventType(EventType.of(name), GlobalPosition.FIRST, 10)).isEqualTo(written.events());
        }
        try (var reopened = FileSystemEventStore.open(FileStoreOptions.at(root))) {
            assertThat(reopened.readStream(StreamId.of(name, name))).hasSize(1);
        }
        assertEverythingStaysInside(root);
    }

    @Test
    void names_that_differ_only_in_case_or_normalization_are_different_streams_in_different_directories()
            throws IOException {
        Path root = dir.resolve("store");
        List<String> names = List.of("Order", "order", "ORDER", Normalizer.normalize("caf\u00e9", Normalizer.Form.NFC),
                Normalizer.normalize("caf\u00e9", Normalizer.Form.NFD));
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED))) {
            for (String name : names) {
                store.append(StreamId.of(name, name), ExpectedVersion.noStream(), NewEvent.of("E", RawJson.of("{}")));
            }
            for (String name : names) {
                assertThat(store.readStream(StreamId.of(name, name))).singleElement()
                        .satisfies(e -> assertThat(e.stream().type().value()).isEqualTo(name));
            }
        }
        try (Stream<Path> children = Files.list(root)) {
            var folded = new HashSet<String>();
            children.map(p -> p.getFileName().toString()).filter(n -> !n.equals("metadata"))
                    .forEach(n -> assertThat(folded.add(Normalizer.normalize(n, Normalizer.Form.NFC)
                            .toLowerCase(Locale.ROOT))).as("directory %s collides on a case-insensitive disk", n).isTrue());
            assertThat(folded).hasSize(names.size());
        }
    }

    @Test
    void empty_control_character_and_over_long_names_are_refused_with_a_clear_error() {
        Path root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED))) {
            for (String bad : List.of("", "a\u0000b", "\u0000", "line\nbreak", "tab\t", "\u007f", "\u0085",
                    "x".repeat(201), "\uD800")) {
                assertThatThrownBy(() -> store.append(StreamId.of("t", bad), ExpectedVersion.any(),
                        NewEvent.of("E", RawJson.of("{}")))).isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> NewEvent.of(bad, RawJson.of("{}"))).isInstanceOf(InvalidInputException.class);
            }
            String longOnceEncoded = "\u00fc".repeat(100);
            assertThatThrownBy(() -> store.append(StreamId.of(longOnceEncoded, "a"), ExpectedVersion.any(),
                    NewEvent.of("E", RawJson.of("{}")))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("limit is " + NameCodec.MAX_DIRECTORY_NAME);
            assertThatThrownBy(() -> store.append(StreamId.of("a", "a"), ExpectedVersion.any(),
                    NewEvent.of("E".repeat(200) + "\u00fc\u00fc", RawJson.of("{}")))).isInstanceOf(InvalidInputException.class);
            assertThat(store.lastPosition()).isZero();
        }
    }

    private void assertEverythingStaysInside(Path root) throws IOException {
        Path realRoot = root.toRealPath();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.toList()) {
                Path real = path.toRealPath(LinkOption.NOFOLLOW_LINKS);
                assertThat(real.equals(dir.toRealPath()) || real.startsWith(realRoot))
                        .as("%s is inside the store", real).isTrue();
                assertThat(Files.isSymbolicLink(path)).isFalse();
            }
        }
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.filter(p -> p.getFileName().toString().equalsIgnoreCase("metadata")))
                    .as("only the store's own metadata directory is called metadata").hasSize(1);
        }
    }
}
