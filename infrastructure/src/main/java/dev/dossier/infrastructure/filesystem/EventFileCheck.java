package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** Reads one event file and checks that it parses and agrees with its path (aggregate, event type, stamp). */
final class EventFileCheck {
    private final StoreLayout layout;
    private final EventFileCodec codec;

    EventFileCheck(StoreLayout layout, EventFileCodec codec) {
        this.layout = layout;
        this.codec = codec;
    }

    /** The parsed event, or empty when the file cannot be read as one (a problem is added). */
    Optional<CheckedEvent> check(StoreScanner.Found found, List<StoreProblem> problems) throws IOException {
        String path = layout.relative(found.path());
        byte[] bytes = Files.readAllBytes(found.path());
        RecordedEvent event;
        try {
            event = codec.decode(path, bytes);
        } catch (CorruptDataException e) {
            String message = e.getMessage();
            problems.add(new StoreProblem(path, message.substring(message.indexOf(path) + path.length() + 2)));
            return Optional.empty();
        }
        StreamId directory = found.stream().orElseThrow();
        StoreLayout.ParsedName name = found.name().orElseThrow();
        if (!event.stream().equals(directory)) {
            problems.add(new StoreProblem(path, "the envelope names aggregate " + event.stream()
                    + ", but the file lies in the directory of " + directory));
        }
        if (!event.eventType().equals(name.eventType())) {
            problems.add(new StoreProblem(path, "the envelope names event type '" + event.eventType()
                    + "', but the file name says '" + name.eventType() + "'"));
        }
        if (!event.timestamp().equals(name.stamp().instant())) {
            problems.add(new StoreProblem(path, "the timestamp " + EventFileCodec.TIMESTAMP.format(event.timestamp())
                    + " does not match the file name's stamp " + name.stamp().digits()));
        }
        return Optional.of(new CheckedEvent(path, name.stamp(), event, bytes.length));
    }
}
