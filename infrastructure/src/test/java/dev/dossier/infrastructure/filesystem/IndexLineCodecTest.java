package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IndexLineCodecTest {
    private final IndexLineCodec codec = new IndexLineCodec();

    @Property(tries = 1000)
    void every_written_line_reads_back_the_same_through_the_fast_and_the_general_parser(
            @ForAll("names") String type, @ForAll("names") String id, @ForAll("names") String eventType,
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long position,
            @ForAll @LongRange(min = 0, max = 253402300799000L) long millis, @ForAll boolean commit) {
        var entry = new IndexEntry(position, new EventStamp(millis, (int) (position % 1000)), StreamId.of(type, id),
                position % 97 + 1, EventType.of(eventType), 1 + (int) (position % 3), UUID.randomUUID(), position % 5000);
        var out = new ByteArrayOutputStream();
        codec.write(out, entry, commit);
        byte[] line = out.toByteArray();

        var fast = codec.parse(line, 0, line.length - 1);
        var general = codec.parseGeneral(line, 0, line.length - 1);
        assertThat(fast).isEqualTo(general);
        assertThat(fast.entry()).isEqualTo(entry);
        assertThat(fast.commit()).isEqualTo(commit);
    }

    @Property(tries = 1000)
    void lines_are_written_directly_exactly_as_jackson_writes_them(
            @ForAll("mostlyPlainNames") String type, @ForAll("mostlyPlainNames") String id,
            @ForAll("mostlyPlainNames") String eventType,
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long position, @ForAll boolean commit,
            @ForAll("files") String file) {
        var entry = new IndexEntry(position, new EventStamp(position % 253402300799000L, (int) (position % 1000)),
                StreamId.of(type, id), position % 97 + 1, EventType.of(eventType), 1 + (int) (position % 3),
                UUID.randomUUID(), position % 5000);
        byte[] fileBytes = file.isEmpty() ? null : file.getBytes(StandardCharsets.UTF_8);
        var written = new ByteArrayOutputStream();
        codec.write(written, entry, commit, fileBytes);
        var general = new ByteArrayOutputStream();
        codec.writeGeneral(general, entry, commit, fileBytes);
        var direct = new ByteArrayOutputStream();
        boolean wroteDirectly = IndexLineWriter.write(direct, entry, commit, fileBytes);
        Statistics.collect(wroteDirectly ? "written directly" : "left to Jackson");

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(general.toString(StandardCharsets.UTF_8));
        if (wroteDirectly) {
            assertThat(direct.toString(StandardCharsets.UTF_8)).isEqualTo(general.toString(StandardCharsets.UTF_8));
        } else {
            assertThat(direct.size()).as("nothing written when left to Jackson").isZero();
            boolean nameNeedsEscaping = (type + id + eventType).chars().anyMatch(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\');
            boolean fileHasOtherControls = file.chars().anyMatch(c -> c < 0x20 && c != '\n');
            assertThat(nameNeedsEscaping || fileHasOtherControls).as("left to Jackson only when something needs escaping")
                    .isTrue();
        }
        Statistics.coverage(coverage -> coverage.check("written directly").percentage(p -> p > 20));
    }

    /** As the journal and the index write a group: many lines into one buffer, some of them left to Jackson. */
    @Property(tries = 200)
    void a_group_of_lines_in_one_buffer_is_the_lines_jackson_writes_one_after_another(
            @ForAll("groups") java.util.List<@net.jqwik.api.constraints.UniqueElements String> names,
            @ForAll("files") String file) {
        var buffer = new LineBuffer(16);
        var expected = new ByteArrayOutputStream();
        long position = 1;
        for (String name : names) {
            var entry = new IndexEntry(position, new EventStamp(position * 1_000L, (int) (position % 1000)),
                    StreamId.of("order", name), position, EventType.of("Placed"), 1, UUID.randomUUID(), position * 10);
            byte[] fileBytes = position % 2 == 0 || file.isEmpty() ? null : file.getBytes(StandardCharsets.UTF_8);
            codec.write(buffer, entry, position % 3 == 0, fileBytes);
            codec.writeGeneral(expected, entry, position % 3 == 0, fileBytes);
            position++;
        }
        assertThat(new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8))
                .isEqualTo(expected.toString(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<java.util.List<String>> groups() {
        return mostlyPlainNames().list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> mostlyPlainNames() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.strings().withCharRange(' ', '~')
                .ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank())), net.jqwik.api.Tuple.of(1, names()));
    }

    @Provide
    Arbitrary<String> files() {
        return Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.of("{\n  \"eventId\": \"x\",\n  \"data\": {\"a\":\"q\\\"uote\",\"b\":\"back\\\\slash\"}\n}\n",
                        "{\n  \"data\": {\"\u00fc\":\"\u00e9\ud83d\ude00\"}\n}\n", "{\n\t\"tab\": 1\n}\n", "{\"cr\":\r1}\n"),
                Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\u00e9', '"', '\\', '\t')
                        .ofMaxLength(40));
    }

    /** One byte of a written line changed: the fast reader refuses it or reads it as the general parser does. */
    @Property(tries = 3000)
    void the_fast_reader_never_reads_a_changed_line_differently_from_the_general_parser(
            @ForAll @LongRange(min = 0, max = 253402300799000L) long millis, @ForAll boolean upperCaseId,
            @ForAll @LongRange(min = 0, max = 200) long at, @ForAll("replacements") char replacement) {
        var entry = new IndexEntry(7, new EventStamp(millis, (int) (millis % 1000)), StreamId.of("order", "o-1"), 3,
                EventType.of("Placed"), 1, UUID.randomUUID(), 99);
        var out = new ByteArrayOutputStream();
        codec.write(out, entry, true);
        String written = out.toString(StandardCharsets.UTF_8);
        if (upperCaseId) {
            written = written.replace(entry.eventId().toString(), entry.eventId().toString().toUpperCase());
        }
        int index = (int) (at % (written.length() - 1));
        byte[] line = (written.substring(0, index) + replacement + written.substring(index + 1))
                .getBytes(StandardCharsets.UTF_8);

        var fast = new IndexLineFastReader().read(line, 0, line.length - 1);
        Statistics.collect(fast != null ? "read by the fast reader" : "left to the general parser");
        if (fast != null) {
            assertThat(fast).isEqualTo(codec.parseGeneral(line, 0, line.length - 1));
        }
        Statistics.coverage(coverage -> coverage.check("read by the fast reader").percentage(p -> p > 10));
    }

    @Provide
    Arbitrary<Character> replacements() {
        return Arbitraries.of('0', '1', '2', '3', '5', '9', 'a', 'f', 'g', 'A', 'F', 'G', '-', '"', '\\', ' ', ',',
                ':', '}', '\u00e9');
    }

    @Test
    void a_line_in_another_key_order_is_still_read_by_the_general_parser() {
        String line = "{\"s\":\"20261123130902123007\",\"p\":5,\"t\":\"order\",\"i\":\"o-1\",\"v\":2,\"e\":\"A\",\"sv\":1,"
                + "\"id\":\"" + UUID.randomUUID() + "\",\"b\":10,\"c\":1}";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);

        var parsed = codec.parse(bytes, 0, bytes.length);
        assertThat(parsed.entry().position()).isEqualTo(5);
        assertThat(parsed.commit()).isTrue();
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMinLength(1).ofMaxLength(10)
                        .filter(s -> s.chars().noneMatch(Character::isISOControl)),
                Arbitraries.of("with \"quote\"", "back\\slash", "é", "😀"));
    }
}
