package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.ByteRange;
import net.jqwik.api.constraints.Size;

/** Finding the lines of a range file agrees with a byte-by-byte reading of it, wherever the newlines fall. */
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
