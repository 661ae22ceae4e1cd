package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.infrastructure.filesystem.NameCodec.Kind;
import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NameCodecTest {

    @Test
    void plain_lower_case_names_stay_as_they_are() {
        assertThat(NameCodec.encode("order-42_v2.x", Kind.AGGREGATE_ID)).isEqualTo("order-42_v2.x");
    }

    @Test
    void upper_case_letters_are_marked_in_directory_names_and_kept_in_event_types() {
        assertThat(NameCodec.encode("Order", Kind.AGGREGATE_TYPE)).isEqualTo("^order");
        assertThat(NameCodec.encode("OrderPlaced", Kind.EVENT_TYPE)).isEqualTo("OrderPlaced");
    }

    @Test
    void dots_separators_and_other_characters_are_escaped() {
        assertThat(NameCodec.encode(".", Kind.AGGREGATE_ID)).isEqualTo("%2E");
        assertThat(NameCodec.encode("..", Kind.AGGREGATE_ID)).isEqualTo("%2E%2E");
        assertThat(NameCodec.encode("a/../b", Kind.AGGREGATE_ID)).isEqualTo("a%2F..%2Fb");
        assertThat(NameCodec.encode("x\\y z", Kind.AGGREGATE_ID)).isEqualTo("x%5Cy%20z");
        assertThat(NameCodec.encode("é", Kind.AGGREGATE_ID)).isEqualTo("%C3%A9");
    }

    @Test
    void reserved_names_are_escaped_so_they_never_collide_with_the_store_or_windows() {
        assertThat(NameCodec.encode("metadata", Kind.AGGREGATE_TYPE)).isEqualTo("%6Detadata");
        assertThat(NameCodec.encode("metadata", Kind.AGGREGATE_ID)).isEqualTo("metadata");
        assertThat(NameCodec.encode("con", Kind.AGGREGATE_ID)).isEqualTo("%63on");
        assertThat(NameCodec.encode("nul.txt", Kind.AGGREGATE_ID)).isEqualTo("%6Eul.txt");
        assertThat(NameCodec.encode("CON", Kind.EVENT_TYPE)).isEqualTo("%43ON");
    }

    @Test
    void names_too_long_for_a_file_name_are_rejected_with_the_limit() {
        assertThatThrownBy(() -> NameCodec.encodeAggregateId("é".repeat(100)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit is 240");
    }

    @Test
    void a_name_a_person_typed_by_hand_is_not_mistaken_for_an_encoded_one() {
        assertThat(NameCodec.decode("Order", Kind.AGGREGATE_TYPE)).isEmpty();
        assertThat(NameCodec.decode("%2e", Kind.AGGREGATE_ID)).isEmpty();
        assertThat(NameCodec.decode("metadata", Kind.AGGREGATE_TYPE)).isEmpty();
        assertThat(NameCodec.decode("%FF", Kind.AGGREGATE_ID)).isEmpty();
    }

    @Property(tries = 1000)
    void every_name_round_trips_and_encodes_to_a_safe_ascii_file_name(@ForAll("names") String name,
                                                                     @ForAll Kind kind) {
        String encoded = NameCodec.encode(name, kind);

        assertThat(NameCodec.decode(encoded, kind)).contains(name);
        assertThat(encoded).matches("[A-Za-z0-9._%^-]+").doesNotStartWith(".").doesNotEndWith(".");
        assertThat(encoded).isNotIn(".", "..");
    }

    @Property(tries = 1000)
    void different_names_never_map_to_directories_that_differ_only_in_case_or_normalization(
            @ForAll("names") String a, @ForAll("names") String b) {
        String left = NameCodec.encode(a, Kind.AGGREGATE_ID);
        String right = NameCodec.encode(b, Kind.AGGREGATE_ID);
        boolean sameOnDisk = fold(left).equals(fold(right));

        assertThat(sameOnDisk).isEqualTo(a.equals(b));
    }

    @Test
    void names_that_differ_only_in_case_or_normalization_get_different_directories() {
        assertThat(fold(NameCodec.encode("Order", Kind.AGGREGATE_ID)))
                .isNotEqualTo(fold(NameCodec.encode("order", Kind.AGGREGATE_ID)));
        assertThat(fold(NameCodec.encode("\u00e9", Kind.AGGREGATE_ID)))
                .isNotEqualTo(fold(NameCodec.encode("e\u0301", Kind.AGGREGATE_ID)));
    }

    private static String fold(String fileName) {
        return Normalizer.normalize(fileName, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars("._-/\\ %^:*?\"<>|~").ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMinLength(1).ofMaxLength(12),
                Arbitraries.of(".", "..", "metadata", "CON", "nul.txt", "Order", "order", "e\u0301", "\u00e9", "😀x"));
    }
}
