package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.InvalidInputException;
import dev.gatehouse.core.error.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageTest {

    private static final List<String> LETTERS = List.of("a", "b", "c", "d", "e");

    @Test
    void pagesAListInItsOrderUntilTheLastPageHasNoMarker() {
        Page<String> first = Page.of(LETTERS, Optional.empty(), 2, Function.identity());
        Page<String> second = Page.of(LETTERS, first.nextMarker(), 2, Function.identity());
        Page<String> third = Page.of(LETTERS, second.nextMarker(), 2, Function.identity());

        assertThat(first.items()).containsExactly("a", "b");
        assertThat(second.items()).containsExactly("c", "d");
        assertThat(third.items()).containsExactly("e");
        assertThat(third.isTruncated()).isFalse();
    }

    @Test
    void answersAWholeShortListWithoutAMarker() {
        Page<String> page = Page.of(LETTERS, Optional.empty(), 100, Function.identity());

        assertThat(page.items()).isEqualTo(LETTERS);
        assertThat(page.nextMarker()).isEmpty();
    }

    @Test
    void continuesAfterTheMarkersItemEvenWhenItWasRemovedMeanwhile() {
        Page<String> first = Page.of(LETTERS, Optional.empty(), 2, Function.identity());

        Page<String> rest = Page.of(List.of("a", "c", "d", "e"), first.nextMarker(), 2, Function.identity());

        assertThat(rest.items()).containsExactly("c", "d");
    }

    @Test
    void refusesMaxItemsOutsideAwsRangeAndAForeignMarker() {
        assertThatThrownBy(() -> Page.of(LETTERS, Optional.empty(), 0, Function.identity()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Page.of(LETTERS, Optional.of("not base64!"), 2, Function.identity()))
                .isInstanceOf(InvalidInputException.class);
    }
}
