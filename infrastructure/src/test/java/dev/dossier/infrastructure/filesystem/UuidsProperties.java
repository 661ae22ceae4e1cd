package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** UUIDs read from bytes, checked against {@link UUID#fromString}, which the fast index reader used before. */
class UuidsProperties {

    @Property(tries = 1000)
    void a_canonical_uuid_in_either_case_is_read_as_uuid_from_string_reads_it(@ForAll long most, @ForAll long least,
                                                                              @ForAll boolean upper) {
        String text = new UUID(most, least).toString();
        text = upper ? text.toUpperCase() : text;
        byte[] bytes = ("\"" + text + "\"").getBytes(StandardCharsets.US_ASCII);

        assertThat(Uuids.parse(bytes, 1, 37)).isEqualTo(UUID.fromString(text));
    }

    @Property(tries = 1000)
    void a_changed_character_gives_what_uuid_from_string_gives_or_null_where_it_refuses_or_reads_it_loosely(
            @ForAll long most, @ForAll long least, @ForAll @IntRange(min = 0, max = 35) int at,
            @ForAll("replacements") char replacement) {
        String text = new UUID(most, least).toString();
        String changed = text.substring(0, at) + replacement + text.substring(at + 1);
        byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);

        UUID read = Uuids.parse(bytes, 0, bytes.length);
        Statistics.collect(read == null ? "refused" : "read");
        if (read != null) {
            assertThat(read).isEqualTo(UUID.fromString(changed));
        } else {
            assertThat(changed).doesNotMatch("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        }
        Statistics.coverage(coverage -> coverage.check("refused").percentage(p -> p > 20));
    }

    @Provide
    Arbitrary<Character> replacements() {
        return Arbitraries.of('0', '7', 'a', 'f', 'A', 'F', 'g', 'G', '-', ' ', 'x', '\u00e9', '"');
    }
}
