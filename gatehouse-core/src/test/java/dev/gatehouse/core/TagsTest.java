package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.InvalidInputException;
import dev.gatehouse.core.error.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void allowsFiftyTagsAndNoMore() {
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("key-" + i, "value");
        }
        assertThat(Tags.of(fifty).values()).hasSize(50);
        fifty.put("one-more", "value");
        assertThatThrownBy(() -> Tags.of(fifty)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsKeysAndValuesOutOfRange() {
        assertThatThrownBy(() -> Tags.of(Map.of("", "v"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Tags.of(Map.of("k".repeat(129), "v"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Tags.of(Map.of("k", "v".repeat(257)))).isInstanceOf(ValidationException.class);
        assertThat(Tags.of(Map.of("k", "")).values()).containsEntry("k", "");
    }

    @Test
    void mergesWithLaterValuesWinningAndRemovesByKey() {
        Tags tags = Tags.of(Map.of("team", "ops", "tier", "1")).with(Tags.of(Map.of("tier", "2")));
        assertThat(tags.values()).containsExactly(Map.entry("team", "ops"), Map.entry("tier", "2"));
        assertThat(tags.without(List.of("team")).values()).containsExactly(Map.entry("tier", "2"));
    }
}
