package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import java.nio.file.Path;

/**
 * A separate JVM that appends to a store: {@code count} events to a shared stream (read the version,
 * append with it as the expected version, retry on conflict) and as many to a stream of its own.
 * Prints {@code ACK <position>} for every acknowledged event and {@code CONFLICTS <n>} at the end.
 * Arguments: store directory, process name, count.
 */
public final class AppendingProcess {
    private AppendingProcess() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        StreamId shared = StreamId.of("counter", "shared");
        StreamId own = StreamId.of("counter", name);
        int conflicts = 0;
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root))) {
            for (int i = 0; i < count; i++) {
                while (true) {
                    long version = store.currentVersion(shared).value();
                    try {
                        ack(store.append(shared, ExpectedVersion.exactly(version),
                                NewEvent.of("Incremented", RawJson.of("{\"by\":\"" + name + "\",\"i\":" + i + "}"))));
                        break;
                    } catch (ConcurrencyConflictException e) {
                        conflicts++;
                    }
                }
                ack(store.append(own, ExpectedVersion.exactly(i), NewEvent.of("Own", RawJson.of("{\"i\":" + i + "}"))));
            }
        }
        System.out.println("CONFLICTS " + conflicts);
        System.out.flush();
    }

    private static void ack(AppendResult result) {
        result.events().forEach(e -> System.out.println("ACK " + e.position().value()));
    }
}
