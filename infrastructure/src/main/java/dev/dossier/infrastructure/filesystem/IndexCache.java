package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.StoreIndex;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The index cache {@code metadata/index-cache.jsonl}: derived data that lets a store open without reading
 * every index line. It is used only when it is whole and the index still begins with the very bytes it was
 * taken from (same length and checksum); then only the index lines after that prefix are read. Anything
 * else (missing, torn, edited, another version, an index rewritten since) and the store reads the whole
 * index, as without a cache. Written (not forced) when a writer opens or closes the store and at least
 * {@code threshold} events are not in the cache it opened with; deleted then when it was unusable.
 */
final class IndexCache {
    /** How much of the index the check reads at a time: a buffer that stays in the processor's cache reads twice as fast here as one of 8 MB. */
    private static final int READ_BYTES = 1 << 20;
    private final StoreLayout layout;
    private final DurableFiles files;
    private final int threshold;
    private long covered;
    private boolean unusable;

    /**
     * The cache read at open.
     *
     * @param indexBytes the length of the index prefix its entries came from
     * @param checksum   the running checksum of that prefix, to go on with the lines after it
     */
    record Loaded(StoreIndex index, long indexBytes, IndexChecksum checksum) {
    }

    /** @param threshold how many events a cache must miss before open or close writes a new one; negative: no cache */
    IndexCache(StoreLayout layout, DurableFiles files, int threshold) {
        this.layout = layout;
        this.files = files;
        this.threshold = threshold;
    }

    /**
     * The index the cache holds, checked against {@code indexFile} (the index, opened for the log that goes
     * on from the cache, so that both read the same file); empty when there is no usable cache. Never throws
     * for a damaged cache.
     */
    Optional<Loaded> load(FileChannel indexFile) {
        Path file = layout.indexCache();
        if (threshold < 0 || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var reader = new IndexCacheReader(channel);
            IndexCacheCodec.Header header = reader.header();
            var checksum = new IndexChecksum();
            if (!prefixChecksum(indexFile, header.indexBytes(), checksum) || !checksum.hex().equals(header.indexChecksum())) {
                unusable = true;
                return Optional.empty();
            }
            StoreIndex index = reader.entries(header);
            covered = index.lastPosition();
            return Optional.of(new Loaded(index, header.indexBytes(), checksum));
        } catch (IOException | RuntimeException e) {
            unusable = true;
            return Optional.empty();
        }
    }

    /**
     * Writes a new cache of what {@code log} has read when it misses at least the threshold of events, and
     * deletes an unusable one otherwise. Call holding the write lock.
     */
    void saveIfDue(IndexLog log) throws IOException {
        if (threshold < 0) {
            return;
        }
        if (log.lastPosition() - covered >= threshold && log.describe((indexBytes, checksum, index) -> {
            files.writeDerived(layout.indexCache(), out -> IndexCacheCodec.write(out, indexBytes, checksum, index));
            covered = index.lastPosition();
        })) {
            unusable = false;
        } else if (unusable) {
            Files.deleteIfExists(layout.indexCache());
            unusable = false;
        }
    }

    /** Adds the index's first {@code length} bytes to {@code checksum}; false when the index is shorter. */
    private static boolean prefixChecksum(FileChannel channel, long length, IndexChecksum checksum) throws IOException {
        if (length < 0 || channel.size() < length) {
            return false;
        }
        byte[] bytes = new byte[(int) Math.min(length, READ_BYTES)];
        long at = 0;
        while (at < length) {
            int want = (int) Math.min(bytes.length, length - at);
            if (ChannelReads.readAt(channel, at, bytes, want) < want) {
                return false;
            }
            checksum.update(bytes, 0, want);
            at += want;
        }
        return true;
    }
}
