package dev.dossier.eventstore.replay;

import dev.dossier.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a recording says about itself, kept in {@code metadata/recording.json} inside it.
 *
 * @param source        where the events came from (the source store's path, or a name the host gave)
 * @param filter        the criteria that cut it, by name ({@code type}, {@code id}, {@code correlationId},
 *                      {@code eventType}, {@code since}, {@code until}); empty when it took everything
 * @param created       when the recording was written
 * @param events        the number of events in it
 * @param matched       how many of them the filter matched (the rest are history of matched aggregates)
 * @param masked        whether a field filter masked personal data
 * @param sha256        SHA-256 (hex) of the event files' bytes, concatenated in global order
 */
public record RecordingManifest(String source, Map<String, String> filter, Instant created, long events,
                                long matched, boolean masked, String sha256) {
    /** The manifest's format name. */
    public static final String FORMAT = "dossier-recording";
    /** How positions are kept: renumbered 1..N in the original order (ids, versions and timestamps are kept). */
    public static final String POSITIONS = "renumbered 1..N in original global order";

    public RecordingManifest {
        Objects.requireNonNull(source, "source");
        filter = Map.copyOf(new TreeMap<>(filter));
        Objects.requireNonNull(created, "created");
        if (events < 0 || matched < 0 || matched > events) {
            throw new InvalidInputException("manifest", "event counts are inconsistent");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("manifest", "the checksum is not a SHA-256 in hex");
        }
    }
}
