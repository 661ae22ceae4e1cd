package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads that fill a buffer, for the readers of the index and its cache. */
final class ChannelReads {
    private ChannelReads() {
    }

    /**
     * Reads from {@code position} into {@code bytes} (from 0) until {@code length} bytes are in or the file
     * ends; returns how many were read (fewer than {@code length} only at the end of the file).
     */
    static int readAt(FileChannel channel, long position, byte[] bytes, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position();
    }
}
