package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.StoreIndex;
import dev.dossier.infrastructure.contract.TestEvents;
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Feeds corrupted and random file contents and names to every reader of the on-disk format. Each may
 * only answer or fail in its documented way: {@link EventFileCodec#decode} with
 * {@link CorruptDataException}, {@link IndexLineCodec#parse} with {@link IllegalArgumentException},
 * {@link IndexLog#refresh} with {@link CorruptDataException}, and {@link NameCodec#decode} and
 * {@link StoreLayout#parseEventFileName} never (they answer "not one of ours" with an empty result).
 */
class ReaderFuzzProperties {
    private static final StreamId STREAM = StreamId.of("Account", "acc/1");
    private static final EventStamp STAMP = new EventStamp(Instant.parse("2026-11-23T10:00:00Z").toEpochMilli(), 7);
    private static final PayloadCodec PAYLOADS = new PayloadCodec(TestEvents.registry(), PayloadCodec.DEFAULT_MAX_PAYLOAD_BYTES);

    @Property(tries = 1000)
    void decoding_a_damaged_event_file_fails_only_with_corrupt_data(@ForAll("damagedEventFiles") byte[] bytes) {
        try {
            RecordedEvent event = new EventFileCodec(PAYLOADS).decode("account/acc/x.json", bytes);
            assertThat(event).isNotNull();
        } catch (CorruptDataException e) {
            assertThat(e.file()).isEqualTo("account/acc/x.json");
        }
    }

    @Property(tries = 1000)
    void parsing_a_damaged_index_line_fails_only_with_illegal_argument(@ForAll("damagedIndexLines") byte[] bytes) {
        try {
            assertThat(new IndexLineCodec().parse(bytes, 0, bytes.length)).isNotNull();
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageNotContaining("Exception"); // a sentence, not a leaked stack of wrappers
        }
    }

    @Example
    void an_index_line_with_a_name_no_caller_could_have_used_is_not_an_index_line() {
        String valid = new String(indexLines(1), StandardCharsets.UTF_8).trim();
        for (String bad : new String[] {"\"t\":\"\"", "\"t\":\"\\u0001\"", "\"i\":\"" + "x".repeat(201) + "\""}) {
            String line = valid.replaceFirst(bad.startsWith("\"t") ? "\"t\":\"[^\"]*\"" : "\"i\":\"[^\"]*\"",
                    java.util.regex.Matcher.quoteReplacement(bad));
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IndexLineCodec().parse(bytes, 0, bytes.length))
                    .as(line).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 300)
    void reading_a_damaged_index_file_fails_only_with_corrupt_data_naming_it(@ForAll("damagedIndexFiles") byte[] bytes)
            throws IOException {
        Path file = Files.createTempFile("dossier-fuzz-", ".jsonl");
        try {
            Files.write(file, bytes);
            var index = new StoreIndex();
            try (var log = new IndexLog(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    "metadata/event-index.jsonl", index)) {
                log.refresh();
                assertThat(index.lastPosition()).isBetween(0L, 3L);
            } catch (CorruptDataException e) {
                assertThat(e.file()).isEqualTo("metadata/event-index.jsonl");
            }
        } finally {
            Files.delete(file);
        }
    }

    /** A refresh reads the index a piece at a time; the pieces' size never changes what it finds. */
    @Property(tries = 300)
    void reading_an_index_in_small_pieces_finds_what_reading_it_whole_finds(
            @ForAll("indexFiles") byte[] bytes, @ForAll @IntRange(min = 16, max = 400) int piece)
            throws IOException {
        assertThat(readIndex(bytes, piece)).isEqualTo(readIndex(bytes, 1 << 20));
    }

    /** The entries a fresh log finds in {@code bytes}, or the corrupt data it reports. */
    private static Object readIndex(byte[] bytes, int piece) throws IOException {
        Path file = Files.createTempFile("dossier-fuzz-", ".jsonl");
        try {
            Files.write(file, bytes);
            var index = new StoreIndex();
            try (var log = new IndexLog(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    "metadata/event-index.jsonl", index, piece)) {
                log.refresh();
                return index.from(1, Integer.MAX_VALUE);
            } catch (CorruptDataException e) {
                return e.getMessage();
            }
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 2000)
    void decoding_any_file_name_never_throws_and_only_accepts_exact_encodings(@ForAll("fileNames") String name) {
        for (NameCodec.Kind kind : NameCodec.Kind.values()) {
            Optional<String> decoded = NameCodec.decode(name, kind);
            decoded.ifPresent(d -> assertThat(NameCodec.encode(d, kind)).isEqualTo(name));
        }
        Optional<StoreLayout.ParsedName> parsed = StoreLayout.parseEventFileName(name);
        parsed.ifPresent(p -> assertThat(StoreLayout.eventFileName(p.stamp(), p.eventType())).isEqualTo(name));
    }

    @Provide
    Arbitrary<byte[]> damagedEventFiles() {
        return Arbitraries.oneOf(damaged(validEventFile()), Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    @Provide
    Arbitrary<byte[]> damagedIndexLines() {
        byte[] line = indexLines(1);
        return Arbitraries.oneOf(damaged(Arrays.copyOf(line, line.length - 1)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
    }

    @Provide
    Arbitrary<byte[]> damagedIndexFiles() {
        return Arbitraries.oneOf(damaged(indexLines(3)), Arbitraries.bytes().array(byte[].class).ofMaxSize(400));
    }

    /** Damaged files, and files of several commits whose last one may be torn. */
    @Provide
    Arbitrary<byte[]> indexFiles() {
        Arbitrary<byte[]> commits = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(1, 14),
                Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 2_000)).as((count, every, cut) -> {
                    var codec = new IndexLineCodec();
                    var out = new ByteArrayOutputStream();
                    for (int p = 1; p <= count; p++) {
                        codec.write(out, new IndexEntry(p, new EventStamp(STAMP.epochMilli(), p), STREAM, p,
                                EventType.of("Deposited"), 1, UUID.randomUUID(), 120), p % every == 0);
                    }
                    byte[] all = out.toByteArray();
                    return Arrays.copyOf(all, Math.max(1, all.length - cut % 200));
                });
        return Arbitraries.oneOf(damagedIndexFiles(), commits);
    }

    @Provide
    Arbitrary<String> fileNames() {
        String valid = StoreLayout.eventFileName(STAMP, EventType.of("Order Placed/ü"));
        Arbitrary<String> mutatedValid = damaged(valid.getBytes(StandardCharsets.UTF_8))
                .map(b -> new String(b, StandardCharsets.ISO_8859_1));
        Arbitrary<String> formatAlphabet = Arbitraries.strings().withChars("%^.-_09aAzZ~/\\:").ofMaxLength(40);
        return Arbitraries.oneOf(mutatedValid, formatAlphabet, Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('0', '9').ofLength(20).map(d -> d + "-E.json"));
    }

    /** {@code valid} with one of: a cut, changed bytes, inserted bytes, a deleted span, a swapped span. */
    private static Arbitrary<byte[]> damaged(byte[] valid) {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length);
        Arbitrary<byte[]> junk = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8),
                Arbitraries.of("{", "}", "\"", ",", ":", "null", "-1", "1e999", "\u0000", "[", "\\u0000", "\"p\":0",
                        "\"c\":1", "\n").map(s -> s.getBytes(StandardCharsets.UTF_8)));
        return Combinators.combine(Arbitraries.integers().between(0, 4), at, at, junk).as((kind, a, b, bytes) -> {
            int from = Math.min(a, b);
            int to = Math.max(a, b);
            return switch (kind) {
                case 0 -> Arrays.copyOf(valid, from);
                case 1 -> splice(valid, from, Math.min(valid.length, from + bytes.length), bytes);
                case 2 -> splice(valid, from, from, bytes);
                case 3 -> splice(valid, from, to, new byte[0]);
                default -> splice(splice(valid, from, Math.min(valid.length, from + 1), bytes), 0, 0, new byte[0]);
            };
        });
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        var out = new ByteArrayOutputStream();
        out.write(bytes, 0, from);
        out.writeBytes(insert);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    private static byte[] validEventFile() {
        {
            RecordedEvent event = RecordedEvent.builder().eventId(UUID.randomUUID()).eventType(EventType.of("Deposited"))
                    .schemaVersion(1).stream(STREAM).version(Version.of(3)).position(GlobalPosition.of(9))
                    .timestamp(STAMP.instant()).previousEventId(Optional.of(UUID.randomUUID()))
                    .correlationId(Optional.of("c")).metadata(Map.of("actor", "ann"))
                    .data(RawJson.of("{\"account\":\"acc-1\",\"cents\":5}")).build();
            return new EventFileCodec(PAYLOADS).encode(event);
        }
    }

    private static byte[] indexLines(int count) {
        var codec = new IndexLineCodec();
        var out = new ByteArrayOutputStream();
        for (int p = 1; p <= count; p++) {
            codec.write(out, new IndexEntry(p, new EventStamp(STAMP.epochMilli(), p), STREAM, p,
                    EventType.of("Deposited"), 1, UUID.randomUUID(), 120), p == count);
        }
        return out.toByteArray();
    }

    static EventTypeRegistry registry() {
        return TestEvents.registry();
    }
}
