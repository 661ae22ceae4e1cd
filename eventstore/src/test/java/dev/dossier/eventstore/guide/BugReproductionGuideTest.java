package dev.dossier.eventstore.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/guide-bug-reproduction.md quotes {@link CheckoutRegressionTest}; the quote must stay the real code. */
class BugReproductionGuideTest {
    private static final Path GUIDE = Path.of("..", "docs", "guide-bug-reproduction.md");
    private static final Path TEST = Path.of("src", "test", "java", "dev", "dossier", "eventstore", "guide",
            "CheckoutRegressionTest.java");

    @Test
    void the_guide_quotes_the_regression_test_as_it_is() throws IOException {
        String source = Files.readString(TEST);
        String quoted = source.substring(source.indexOf("class CheckoutRegressionTest {"));

        assertThat(Files.readString(GUIDE)).contains(quoted.strip());
    }
}
