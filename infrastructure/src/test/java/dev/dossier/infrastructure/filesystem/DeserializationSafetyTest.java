package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that name Java classes, in every place Jackson could be talked into using them, never make the
 * store load or instantiate that class: only registered classes are bound, by their declared types.
 */
class DeserializationSafetyTest {
    private static final String TRIPWIRE = "dev.dossier.infrastructure.filesystem.DeserializationSafetyTest$Tripwire";
    private static final StreamId STREAM = StreamId.of("account", "a");

    static volatile boolean initialized;
    static volatile boolean constructed;

    /** Flips a flag when its class is initialized and when an instance is made. Never referenced by the test. */
    public static final class Tripwire {
        static {
            initialized = true;
        }

        public Tripwire() {
            constructed = true;
        }

        public void setValue(Object value) {
            constructed = true;
        }
    }

    /** A registered payload with a field of a declared type and one of type Object. */
    public record Holder(String name, Object anything) {
    }

    @TempDir
    Path dir;

    @Test
    void payloads_and_files_naming_a_java_class_never_load_or_instantiate_it() throws IOException {
        var types = EventTypeRegistry.empty().register("Held", Holder.class);
        Path root = dir.resolve("store");
        List<String> hostile = List.of(
                "{\"@class\":\"" + TRIPWIRE + "\",\"value\":1}",
                "[\"" + TRIPWIRE + "\",{\"value\":1}]",
                "{\"name\":\"x\",\"anything\":[\"" + TRIPWIRE + "\",{\"value\":1}],\"@class\":\"" + TRIPWIRE + "\"}",
                "{\"name\":\"x\",\"anything\":{\"@class\":\"" + TRIPWIRE + "\",\"@type\":\"" + TRIPWIRE + "\"}}",
                "{\"name\":\"java.lang.Runtime\",\"anything\":{\"@c\":\"" + TRIPWIRE + "\"}}");
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withEventTypes(types)
                .withDurability(Durability.OS_BUFFERED))) {
            for (String json : hostile) {
                store.append(STREAM, ExpectedVersion.any(), NewEvent.of("Unregistered", RawJson.of(json)));
                if (json.startsWith("{\"name\"")) {
                    store.append(STREAM, ExpectedVersion.any(), NewEvent.of("Held", RawJson.of(json)));
                }
            }
        }
        plantClassNamesInTheEnvelope(root);

        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withEventTypes(types))) {
            List<RecordedEvent> events = store.readStream(STREAM);
            assertThat(events).hasSize(8);
            for (RecordedEvent event : events) {
                assertThat(event.payload()).isInstanceOfAny(RawJson.class, Holder.class);
                if (event.payload() instanceof Holder holder) {
                    assertThat(holder.anything()).isNotNull().isInstanceOfAny(List.class, java.util.Map.class, String.class);
                }
            }
        }
        assertThat(initialized).as("the Tripwire class was initialized").isFalse();
        assertThat(constructed).as("a Tripwire was constructed").isFalse();
    }

    private static void plantClassNamesInTheEnvelope(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("account").resolve("a"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                Files.writeString(file, text.replace("\"metadata\": { }", "\"metadata\": {\"@class\": \"" + TRIPWIRE + "\"}")
                        .replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement(
                                "{\"@class\": \"" + TRIPWIRE + "\", \"@type\": \"" + TRIPWIRE + "\",")));
            }
        }
    }
}
