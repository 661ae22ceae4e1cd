package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.IndexImage;
import dev.dossier.infrastructure.common.StoreIndex;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes and reads {@code metadata/index-cache.jsonl}: a header line (what the cache is, the index prefix
 * it was taken from, the streams and event types by number), one line per chunk of entries (a JSON string
 * of the chunk's columns in Base64), and a last line with the checksum of all the lines before it. Every
 * line is JSON, so {@code jq} reads the file; see the format document.
 */
final class IndexCacheCodec {
    static final String FORMAT = "dossier-index-cache";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = JsonSupport.mapper();
    private static final byte[] QUOTE_NEWLINE = {'"', '\n'};

    private IndexCacheCodec() {
    }

    /**
     * Writes the cache of {@code index} to {@code out}, streaming its chunks (no copy of the whole index).
     *
     * @param indexBytes    the length of the index prefix the entries were read from; it ends with a commit mark
     * @param indexChecksum that prefix's {@link IndexChecksum}
     */
    static void write(OutputStream out, long indexBytes, String indexChecksum, StoreIndex index) throws IOException {
        var checksum = new IndexChecksum();
        var lines = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                checksum.update(bytes, offset, length);
                out.write(bytes, offset, length);
            }
        };
        try {
            index.image(new IndexImage.Sink() {
                private final Base64.Encoder base64 = Base64.getEncoder();
                private byte[] text = new byte[0];

                @Override
                public void start(long events, List<StreamId> streams, List<EventType> types) {
                    ObjectNode header = MAPPER.createObjectNode().put("format", FORMAT).put("version", VERSION)
                            .put("indexBytes", indexBytes).put("indexChecksum", indexChecksum).put("events", events);
                    ArrayNode streamNames = header.putArray("streams");
                    streams.forEach(s -> streamNames.addArray().add(s.type().value()).add(s.id().value()));
                    ArrayNode typeNames = header.putArray("eventTypes");
                    types.forEach(t -> typeNames.add(t.value()));
                    try {
                        lines.write(MAPPER.writeValueAsBytes(header));
                        lines.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void chunk(ByteBuffer bytes) {
                    int length = base64Length(bytes.remaining());
                    if (text.length != length) {
                        text = new byte[length];
                    }
                    base64.encode(bytes.array(), text);
                    try {
                        lines.write('"');
                        lines.write(text, 0, length);
                        lines.write(QUOTE_NEWLINE, 0, 2);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write(("{\"checksum\":\"" + checksum.hex() + "\"}\n").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A cache's first line.
     *
     * @param length the line's length in bytes, its newline included
     */
    record Header(long indexBytes, String indexChecksum, long events, List<StreamId> streams, List<EventType> types,
                  int length) {
    }

    /**
     * The header line {@code line} (without its newline).
     *
     * @throws IllegalArgumentException when it is not the header of a cache of this version
     * @throws IOException when it is not JSON (Jackson's exception)
     */
    static Header header(byte[] line, int length) throws IOException {
        JsonNode header = MAPPER.readTree(line, 0, length);
        if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " index cache");
        }
        return new Header(header.path("indexBytes").asLong(-1), header.path("indexChecksum").asText(),
                header.path("events").asLong(-1), streams(header.path("streams")), types(header.path("eventTypes")),
                length + 1);
    }

    /** The checksum a cache's last line holds, from that line (without its newline). */
    static String trailer(byte[] line, int length) throws IOException {
        return MAPPER.readTree(line, 0, length).path("checksum").asText();
    }

    /** How long the Base64 of {@code bytes} bytes is. */
    static int base64Length(int bytes) {
        return (bytes + 2) / 3 * 4;
    }

    private static List<StreamId> streams(JsonNode array) {
        var streams = new ArrayList<StreamId>(array.size());
        for (JsonNode pair : array) {
            if (pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                throw new IllegalArgumentException("a stream is not a pair of names");
            }
            streams.add(StreamId.of(pair.get(0).asText(), pair.get(1).asText()));
        }
        return streams;
    }

    private static List<EventType> types(JsonNode array) {
        var types = new ArrayList<EventType>(array.size());
        for (JsonNode name : array) {
            if (!name.isTextual()) {
                throw new IllegalArgumentException("an event type is not a name");
            }
            types.add(EventType.of(name.asText()));
        }
        return types;
    }
}
