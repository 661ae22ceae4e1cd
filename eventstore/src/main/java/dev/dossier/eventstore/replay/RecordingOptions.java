package dev.dossier.eventstore.replay;

import dev.dossier.application.replay.RecordingFilter;
import dev.dossier.infrastructure.json.FieldFilter;
import java.util.Objects;

/**
 * How to cut a recording.
 *
 * @param source a name for where the events come from, written into the manifest
 * @param filter which events to take
 * @param mask   which payload fields hold personal data to mask ({@link FieldFilter#none()} for none)
 * @param zip    whether the output is one zip file instead of a directory
 */
public record RecordingOptions(String source, RecordingFilter filter, FieldFilter mask, boolean zip) {

    public RecordingOptions {
        Objects.requireNonNull(source, "source");
        filter = filter == null ? RecordingFilter.all() : filter;
        mask = mask == null ? FieldFilter.none() : mask;
    }

    /** Every event, nothing masked, a directory. */
    public static RecordingOptions of(String source, RecordingFilter filter) {
        return new RecordingOptions(source, filter, null, false);
    }

    public RecordingOptions masking(FieldFilter fields) {
        return new RecordingOptions(source, filter, fields, zip);
    }

    public RecordingOptions zipped(boolean zipped) {
        return new RecordingOptions(source, filter, mask, zipped);
    }
}
