package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where everything lives in a store directory (format v2). Every caller name passes through
 * {@link NameCodec}, so no path built here leaves the root.
 */
final class StoreLayout {
    static final String METADATA = "metadata";
    static final String FORMAT_MARKER = "format.json";
    static final String INDEX = "event-index.jsonl";
    static final String INDEX_CACHE = "index-cache.jsonl";
    static final String LOCK = "write.lock";
    static final String JOURNAL = "journal.jsonl";
    static final String JOURNAL_SPARE = "journal.spare";
    static final String AGGREGATE_TYPES = "aggregate-types.json";
    static final String SCHEMA_VERSIONS = "event-schema-versions.json";
    static final String STATISTICS = "storage-statistics.json";
    static final String TEMP_PREFIX = ".tmp-";
    static final String EVENT_SUFFIX = ".json";
    static final String RANGE_SUFFIX = ".jsonl";

    private final Path root;
    private final Map<StreamId, Path> aggregateDirectories = new ConcurrentHashMap<>();
    private static final Map<EventType, String> EVENT_TYPE_NAMES = new ConcurrentHashMap<>();

    StoreLayout(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path metadata() {
        return root.resolve(METADATA);
    }

    Path marker() {
        return metadata().resolve(FORMAT_MARKER);
    }

    Path index() {
        return metadata().resolve(INDEX);
    }

    Path indexCache() {
        return metadata().resolve(INDEX_CACHE);
    }

    Path journal() {
        return metadata().resolve(JOURNAL);
    }

    /** The spare, preallocated journal that the next background checkpoint swaps in. */
    Path spareJournal() {
        return metadata().resolve(JOURNAL_SPARE);
    }

    /** A journal sealed for a background checkpoint; {@code first} is the position of its first event. */
    Path sealedJournal(long first) {
        return metadata().resolve(String.format("journal-%020d.jsonl", first));
    }

    /** The position of the first event of the sealed journal named {@code name} (see {@link #isSealedJournal}). */
    static long sealedJournalFirst(String name) {
        return Long.parseLong(name.substring(8, 28));
    }

    static boolean isSealedJournal(String name) {
        return name.length() == 34 && name.startsWith("journal-") && name.endsWith(".jsonl")
                && name.substring(8, 28).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    Path lock() {
        return metadata().resolve(LOCK);
    }

    Path typeDirectory(StreamId stream) {
        return root.resolve(NameCodec.encodeAggregateType(stream.type().value()));
    }

    Path aggregateDirectory(StreamId stream) {
        Path known = aggregateDirectories.get(stream);
        if (known != null) {
            return known;
        }
        Path directory = typeDirectory(stream).resolve(NameCodec.encodeAggregateId(stream.id().value()));
        if (aggregateDirectories.size() < MAX_CACHED) {
            aggregateDirectories.put(stream, directory);
        }
        return directory;
    }

    /** Paths are cached for this many aggregates at most; beyond that they are computed each time. */
    private static final int MAX_CACHED = 1_000_000;

    /** {@code <type>/<id>/<20-digit stamp>-<EventType>.json}. */
    Path eventFile(StreamId stream, EventStamp stamp, EventType type) {
        return aggregateDirectory(stream).resolve(eventFileName(stamp, type));
    }

    /** {@code <type>/<id>/<20-digit first stamp>-<20-digit last stamp>.jsonl}: a range file (a batch or a pack). */
    Path rangeFile(StreamId stream, EventStamp first, EventStamp last) {
        return aggregateDirectory(stream).resolve(first.digits() + "-" + last.digits() + RANGE_SUFFIX);
    }

    /** The stamps a range file's name gives, or empty when the name is not one of a range file. */
    static Optional<RangeName> parseRangeFileName(String fileName) {
        if (fileName.length() != 41 + RANGE_SUFFIX.length() || !fileName.endsWith(RANGE_SUFFIX)
                || fileName.charAt(20) != '-') {
            return Optional.empty();
        }
        Optional<EventStamp> first = EventStamp.parse(fileName.substring(0, 20));
        Optional<EventStamp> last = EventStamp.parse(fileName.substring(21, 41));
        return first.isEmpty() || last.isEmpty() || first.get().compareTo(last.get()) >= 0 ? Optional.empty()
                : Optional.of(new RangeName(first.get(), last.get()));
    }

    /** The stamps of the first and the last event of a range file. */
    record RangeName(EventStamp first, EventStamp last) {
        boolean covers(EventStamp stamp) {
            return first.compareTo(stamp) <= 0 && stamp.compareTo(last) <= 0;
        }
    }

    static String eventFileName(EventStamp stamp, EventType type) {
        String encoded = EVENT_TYPE_NAMES.get(type);
        if (encoded == null) {
            encoded = NameCodec.encodeEventType(type.value());
            if (EVENT_TYPE_NAMES.size() < 10_000) {
                EVENT_TYPE_NAMES.put(type, encoded);
            }
        }
        return stamp.digits() + "-" + encoded + EVENT_SUFFIX;
    }

    /** The path relative to the root, with forward slashes, for messages and the index. */
    String relative(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    static boolean isTemporary(String fileName) {
        return fileName.startsWith(TEMP_PREFIX);
    }

    /** The stamp and event type a file name stands for, or empty when it is not an event file name. */
    static Optional<ParsedName> parseEventFileName(String fileName) {
        if (!fileName.endsWith(EVENT_SUFFIX) || fileName.length() < 22 + EVENT_SUFFIX.length()
                || fileName.charAt(20) != '-') {
            return Optional.empty();
        }
        Optional<EventStamp> stamp = EventStamp.parse(fileName.substring(0, 20));
        Optional<String> type = NameCodec.decode(
                fileName.substring(21, fileName.length() - EVENT_SUFFIX.length()), NameCodec.Kind.EVENT_TYPE);
        return stamp.isEmpty() || type.isEmpty() ? Optional.empty()
                : Optional.of(new ParsedName(stamp.get(), EventType.of(type.get())));
    }

    record ParsedName(EventStamp stamp, EventType eventType) {
    }
}
