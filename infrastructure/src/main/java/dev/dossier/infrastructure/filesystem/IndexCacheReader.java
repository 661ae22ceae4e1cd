package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.IndexImage;
import dev.dossier.infrastructure.common.StoreIndex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads an index cache file line by line: its header first, then its chunk lines straight into a new index
 * through two reused buffers (a million entries touch no more memory than the index they fill), and last
 * the checksum of all the lines before it. Any deviation from the layout {@link IndexCacheCodec} writes is
 * an {@link IllegalArgumentException}.
 */
final class IndexCacheReader {
    /** The longest header read (about two million streams): a file without a newline is not read whole. */
    private static final int MAX_HEADER_BYTES = 64 << 20;
    private final FileChannel channel;
    private final IndexChecksum checksum = new IndexChecksum();
    private long at;

    IndexCacheReader(FileChannel channel) {
        this.channel = channel;
    }

    /** The header; call first, once. */
    IndexCacheCodec.Header header() throws IOException {
        byte[] line = new byte[4096];
        int length = 0;
        while (true) {
            if (length == line.length) {
                if (line.length >= MAX_HEADER_BYTES) {
                    throw new IllegalArgumentException("the header line is longer than " + MAX_HEADER_BYTES + " bytes");
                }
                line = Arrays.copyOf(line, line.length * 2);
            }
            int read = channel.read(ByteBuffer.wrap(line, length, line.length - length), length);
            if (read < 0) {
                throw new IllegalArgumentException("the header line has no end");
            }
            int newline = indexOf(line, length, length + read);
            length += read;
            if (newline >= 0) {
                checksum.update(line, 0, newline + 1);
                at = newline + 1;
                return IndexCacheCodec.header(line, newline);
            }
        }
    }

    /** The index the chunk lines after {@code header} hold, once the file's checksum has matched. */
    StoreIndex entries(IndexCacheCodec.Header header) throws IOException {
        Base64.Decoder base64 = Base64.getDecoder();
        byte[][] buffers = new byte[3][];
        StoreIndex index = StoreIndex.loaded(header.events(), header.streams(), header.types(), chunk -> {
            int bytes = IndexImage.chunkBytes(header.events(), chunk);
            int text = IndexCacheCodec.base64Length(bytes);
            byte[] line = buffer(buffers, 0, text + 3);
            readLine(line, text + 3);
            if (line[0] != '"' || line[text + 1] != '"' || line[text + 2] != '\n') {
                throw new IllegalArgumentException("chunk line " + (chunk + 1) + " is not a JSON string of its length");
            }
            byte[] encoded = buffer(buffers, 1, text);
            System.arraycopy(line, 1, encoded, 0, text);
            byte[] decoded = buffer(buffers, 2, bytes);
            if (base64.decode(encoded, decoded) != bytes) {
                throw new IllegalArgumentException("chunk line " + (chunk + 1) + " decodes to the wrong size");
            }
            return ByteBuffer.wrap(decoded);
        });
        String expected = checksum.hex();
        long size = channel.size();
        if (size - at > 1024 || size <= at) {
            throw new IllegalArgumentException("the checksum line is missing or too long");
        }
        byte[] last = new byte[(int) (size - at)];
        readLine(last, last.length);
        if (last[last.length - 1] != '\n' || !expected.equals(IndexCacheCodec.trailer(last, last.length - 1))) {
            throw new IllegalArgumentException("the checksum does not match the lines before it");
        }
        return index;
    }

    /** Reads the next {@code length} bytes into {@code line} and adds them to the checksum. */
    private void readLine(byte[] line, int length) {
        try {
            if (ChannelReads.readAt(channel, at, line, length) < length) {
                throw new IllegalArgumentException("the file ends inside a line");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the file could not be read: " + e.getMessage(), e);
        }
        checksum.update(line, 0, length);
        at += length;
    }

    /** Buffer {@code which}, made exactly {@code length} long (Base64 decodes whole arrays) and reused when it is. */
    private static byte[] buffer(byte[][] buffers, int which, int length) {
        if (buffers[which] == null || buffers[which].length != length) {
            buffers[which] = new byte[length];
        }
        return buffers[which];
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
