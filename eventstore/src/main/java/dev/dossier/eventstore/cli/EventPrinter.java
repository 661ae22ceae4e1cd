package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.RecordedEvent;
import java.io.PrintStream;

/**
 * Prints events as they come, either as JSON Lines ({@link EventJson}) or as a table whose header is
 * printed before the first row. Columns have fixed minimum widths so rows can be printed one by one
 * (for {@code tail -f}).
 */
final class EventPrinter {
    private static final String ROW = "%8s  %-24s  %7s  %-20s  %-24s  %s%n";

    private final PrintStream out;
    private final boolean json;
    private long printed;

    EventPrinter(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void print(RecordedEvent event) {
        if (json) {
            out.println(EventJson.line(event));
        } else {
            if (printed == 0) {
                out.printf(ROW, "POSITION", "AGGREGATE", "VERSION", "EVENT TYPE", "TIMESTAMP", "DATA");
            }
            out.printf(ROW, event.position().value(), event.stream(), event.version().value(),
                    event.eventType().value(), EventJson.timestamp(event.timestamp()), event.data().json());
        }
        printed++;
    }

    void printAll(Iterable<RecordedEvent> events) {
        events.forEach(this::print);
    }

    /** How many events were printed so far. */
    long printed() {
        return printed;
    }
}
