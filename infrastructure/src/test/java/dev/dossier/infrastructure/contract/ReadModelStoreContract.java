package dev.dossier.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.port.ReadModelStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ReadModelStore}, written once and run against every adapter. */
public abstract class ReadModelStoreContract {
    /** A sample document. */
    public record Summary(String customer, List<String> orders, long totalCents) {
    }

    private SubscriptionStoreFixture fixture;
    protected ReadModelStore store;

    protected abstract SubscriptionStoreFixture fixture();

    @BeforeEach
    void create() {
        fixture = fixture();
        store = fixture.createReadModels();
    }

    @AfterEach
    void discard() {
        fixture.discard();
    }

    @Test
    void a_put_document_is_found_under_its_collection_and_key() {
        store.put("summaries.g1", "ada/lovelace", new Summary("ada", List.of("o-1"), 2699));

        assertThat(store.find("summaries.g1", "ada/lovelace", Summary.class))
                .contains(new Summary("ada", List.of("o-1"), 2699));
        assertThat(store.find("summaries.g2", "ada/lovelace", Summary.class)).isEmpty();
        assertThat(store.keys("summaries.g1")).containsExactly("ada/lovelace");
    }

    @Test
    void a_put_replaces_and_a_delete_removes_one_document() {
        store.put("summaries", "a", new Summary("a", List.of(), 1));
        store.put("summaries", "a", new Summary("a", List.of(), 2));
        store.put("summaries", "b", new Summary("b", List.of(), 3));
        store.delete("summaries", "b");
        store.delete("summaries", "missing");

        assertThat(store.find("summaries", "a", Summary.class).orElseThrow().totalCents()).isEqualTo(2);
        assertThat(store.keys("summaries")).containsExactly("a");
    }

    @Test
    void dropping_a_collection_leaves_the_others() {
        store.put("old", "a", new Summary("a", List.of(), 1));
        store.put("new", "a", new Summary("a", List.of(), 2));
        store.drop("old");
        store.drop("never-there");

        assertThat(store.keys("old")).isEmpty();
        assertThat(store.keys("new")).containsExactly("a");
    }

    @Test
    void collection_names_follow_the_subscriber_name_rule() {
        assertThatThrownBy(() -> store.put("../escape", "a", new Summary("a", List.of(), 1)))
                .isInstanceOf(InvalidInputException.class);
    }
}
