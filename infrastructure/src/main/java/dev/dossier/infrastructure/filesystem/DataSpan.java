package dev.dossier.infrastructure.filesystem;

import java.nio.charset.StandardCharsets;

/** Where an event's payload lies in the bytes of its file or line. */
final class DataSpan {
    private final byte[] bytes;
    final int offset;
    final int length;

    DataSpan(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /** The payload's JSON text. */
    String text() {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
}
