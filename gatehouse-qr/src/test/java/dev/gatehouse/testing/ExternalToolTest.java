package dev.gatehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ExternalToolTest {

    private static final String MISSING = "gatehouse-no-such-program";

    @Test
    void skipsWhenTheToolIsMissingOutsideCi() {
        assertThatThrownBy(() -> ExternalTool.require(MISSING, "nothing", Map.of("PATH", "/nonexistent")))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install nothing");
    }

    @Test
    void failsWhenTheToolIsMissingUnderCi() {
        assertThatThrownBy(() -> ExternalTool.require(MISSING, "nothing", Map.of("PATH", "/nonexistent", "CI", "true")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true");
    }

    @Test
    void findsAToolOnThePath() {
        assertThat(ExternalTool.require("sh", "dash", Map.of("PATH", "/nonexistent:/bin:/usr/bin", "CI", "true")))
                .hasFileName("sh");
    }
}
