package dev.dossier.infrastructure.filesystem;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A running 64-bit checksum of bytes (CRC-32C and CRC-32 side by side, both computed by the processor where
 * it can), written as 16 hex digits: the index cache names the index prefix it was taken from by its length
 * and this checksum. Not thread-safe.
 */
final class IndexChecksum {
    private final CRC32C castagnoli = new CRC32C();
    private final CRC32 ieee = new CRC32();

    /** Adds {@code length} bytes of {@code bytes} from {@code offset}. */
    void update(byte[] bytes, int offset, int length) {
        castagnoli.update(bytes, offset, length);
        ieee.update(bytes, offset, length);
    }

    /** The checksum of everything added so far, as 16 lowercase hex digits. */
    String hex() {
        return String.format("%08x%08x", castagnoli.getValue(), ieee.getValue());
    }

    /** The checksum of {@code length} bytes of {@code bytes} from {@code offset}. */
    static String of(byte[] bytes, int offset, int length) {
        var checksum = new IndexChecksum();
        checksum.update(bytes, offset, length);
        return checksum.hex();
    }
}
