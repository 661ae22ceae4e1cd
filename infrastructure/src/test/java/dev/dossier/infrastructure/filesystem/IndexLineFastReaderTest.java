package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * One reader reads a whole index, remembering the streams and event types it has met by their bytes: names
 * that share a prefix, collide by hash, or whose type and id split alike texts differently, never get each
 * other's value.
 */
class IndexLineFastReaderTest {

    @Property(tries = 300)
    void one_reader_reads_every_line_of_an_index_as_it_was_written(@ForAll("indexes") List<IndexEntry> entries,
                                                                   @ForAll @IntRange(max = 7) int shift) {
        var codec = new IndexLineCodec();
        var reader = new IndexLineFastReader();
        // All lines pass through one buffer, at varying offsets, as a chunk of the index file would.
        byte[] buffer = new byte[4096];
        for (int i = 0; i < entries.size(); i++) {
            IndexEntry entry = entries.get(i);
            var out = new ByteArrayOutputStream();
            codec.write(out, entry, true);
            byte[] line = out.toByteArray();
            int offset = (i * shift) % 64;
            Arrays.fill(buffer, (byte) 'x');
            System.arraycopy(line, 0, buffer, offset, line.length);

            var read = reader.read(buffer, offset, line.length - 1);
            assertThat(read).isNotNull();
            assertThat(read.entry()).isEqualTo(entry);
        }
    }

    @Provide
    Arbitrary<List<IndexEntry>> indexes() {
        // Few short names, so that streams repeat, share prefixes, split alike texts differently ("a"+"b-a" and
        // "a-b"+"a"), and collide by hash ("Aa" and "BB").
        Arbitrary<String> names = Arbitraries.of("a", "b", "ab", "a-b", "b-a", "\u00e9", "Aa", "BB", "order", "orders");
        Arbitrary<IndexEntry> entries = Combinators.combine(names, names, names, Arbitraries.longs().between(1, 1000),
                        Arbitraries.longs().between(0, 253402300799000L), Arbitraries.integers().between(1, 3),
                        Arbitraries.longs(), Arbitraries.longs())
                .as((type, id, eventType, position, millis, schema, most, least) -> new IndexEntry(position,
                        new EventStamp(millis, (int) (position % 1000)), StreamId.of(type, id), position,
                        EventType.of(eventType), schema, new UUID(most, least), position * 3));
        return entries.list().ofMaxSize(60);
    }
}
