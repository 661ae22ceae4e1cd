package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Event files end their lines with {@code \n} on every platform, whichever encoder writes them. */
class LineSeparatorTest {

    @Test
    void event_files_use_newlines_where_the_platform_separator_is_crlf() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dline.separator=\r\n", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("plain: no CR; escaped: no CR");
    }

    /** Encodes a plain event and one that needs escaping (so Jackson writes it); says whether a CR appears. */
    public static final class Probe {
        public static void main(String[] args) {
            var codec = new EventFileCodec(new PayloadCodec(EventTypeRegistry.empty(), 1 << 20));
            byte[] plain = codec.encode(event(Map.of("by", "ann")));
            byte[] escaped = codec.encode(event(Map.of("by", "Zoë \"the\" admin")));
            System.out.println("plain: " + crs(plain) + "; escaped: " + crs(escaped));
        }

        private static String crs(byte[] bytes) {
            for (byte b : bytes) {
                if (b == '\r') {
                    return "CR at " + Arrays.toString(bytes);
                }
            }
            return "no CR";
        }

        private static RecordedEvent event(Map<String, String> metadata) {
            return RecordedEvent.builder().eventId(UUID.randomUUID()).eventType(EventType.of("Noted")).schemaVersion(1)
                    .stream(StreamId.of("order", "o-1")).version(Version.of(1)).position(GlobalPosition.of(1))
                    .timestamp(Instant.parse("2026-11-23T10:00:00Z")).metadata(metadata)
                    .data(RawJson.of("{\"a\":1}")).build();
        }
    }
}
