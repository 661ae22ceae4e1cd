package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.infrastructure.common.EventStamp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.ByteRange;
import net.jqwik.api.constraints.Size;

/**
 * Finding the lines of a range file agrees with a byte-by-byte reading of it, wherever the newlines fall; an
 * event file becomes a line as a plain text replacement would make it.
 */
class RangeLinesProperties {

    @Property(tries = 500)
    void line_starts_are_found_where_a_plain_scan_finds_them(
            @ForAll @Size(max = 200) List<@ByteRange(min = 8, max = 24) Byte> bytes, @ForAll boolean terminated) {
        byte[] content = new byte[bytes.size() + (terminated ? 1 : 0)];
        for (int i = 0; i < bytes.size(); i++) {
            content[i] = bytes.get(i);
        }
        if (terminated) {
            content[content.length - 1] = '\n';
        }
        assertThat(RangeLines.starts(content).map(a -> Arrays.stream(a).boxed().toList())).isEqualTo(plainScan(content));
    }

    @Property(tries = 500)
    void a_line_is_the_stamp_and_the_event_file_without_its_first_byte_newlines_and_indentation(
            @ForAll @Size(max = 200) List<@ByteRange(min = 8, max = 40) Byte> bytes) {
        byte[] file = new byte[bytes.size() + 1];
        file[0] = '{';
        for (int i = 0; i < bytes.size(); i++) {
            file[i + 1] = bytes.get(i);
        }
        var stamp = new EventStamp(1_700_000_000_123L, 7);
        String expected = "{\"stamp\":\"" + new String(stampDigits(stamp), StandardCharsets.US_ASCII)
                + "\"," + new String(file, 1, file.length - 1, StandardCharsets.ISO_8859_1)
                .replaceAll("\n +", "").replace("\n", "") + "\n";

        assertThat(new String(RangeLines.line(stamp, file), StandardCharsets.ISO_8859_1))
                .isEqualTo(expected);
    }

    private static byte[] stampDigits(EventStamp stamp) {
        byte[] digits = new byte[20];
        stamp.putDigits(digits, 0);
        return digits;
    }

    /** The reference: the start of the first line and after every newline, then the length; none unterminated. */
    private static Optional<List<Integer>> plainScan(byte[] content) {
        if (content.length == 0 || content[content.length - 1] != '\n') {
            return Optional.empty();
        }
        var starts = new ArrayList<Integer>(List.of(0));
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                starts.add(i + 1);
            }
        }
        return Optional.of(starts);
    }
}
