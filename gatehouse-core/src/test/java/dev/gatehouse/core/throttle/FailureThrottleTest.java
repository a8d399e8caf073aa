package dev.gatehouse.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.testing.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final Store store = new InMemoryStore();
    private final FailureThrottle throttle = new FailureThrottle(ThrottlePolicy.DEFAULT);

    @Test
    void theStandingNamesOnlyTheKeysWithFailures() {
        inTransaction(session -> throttle.recordFailure(session, List.of("device"), NOW));

        FailureThrottle.Standing standing = store.read(session -> throttle.standing(session, List.of("device", "principal"), NOW));

        assertThat(standing.keysWithFailures()).containsExactly("device");
        assertThat(standing.blockedUntil()).isEmpty();
    }

    @Test
    void theStandingCarriesTheLatestBlockOfAnyKey() {
        for (int i = 0; i < ThrottlePolicy.DEFAULT.delayFromFailure(); i++) {
            inTransaction(session -> throttle.recordFailure(session, List.of("device", "principal"), NOW));
        }
        inTransaction(session -> throttle.recordFailure(session, List.of("principal"), NOW));

        FailureThrottle.Standing standing = store.read(session -> throttle.standing(session, List.of("device", "principal"), NOW));

        assertThat(standing.blockedUntil()).isPresent().get().isEqualTo(
                find("principal").orElseThrow().blockedUntil());
        assertThat(standing.blockedUntil().get()).isAfter(NOW);
        Optional<Instant> blockedUntil = store.read(session -> throttle.blockedUntil(session, List.of("device", "principal"), NOW));
        assertThat(blockedUntil).contains(find("principal").orElseThrow().blockedUntil());
        assertThat(store.read(session -> throttle.standing(session, List.of("device"), NOW.plus(Duration.ofDays(1))))
                .blockedUntil()).as("a block that has run out").isEmpty();
    }

    @Test
    void resettingAStandingForgetsTheFailuresItSawAndOnlyThose() {
        inTransaction(session -> throttle.recordFailure(session, List.of("device"), NOW));
        FailureThrottle.Standing standing = store.read(session -> throttle.standing(session, List.of("device", "principal"), NOW));
        // Recorded after the standing was read, as by another node: it stays counted.
        inTransaction(session -> throttle.recordFailure(session, List.of("principal"), NOW));

        inTransaction(session -> throttle.reset(session, standing));

        assertThat(find("device")).isEmpty();
        assertThat(find("principal")).isPresent();
    }

    private Optional<ThrottleState> find(String key) {
        return store.read(session -> session.throttles().find(List.of(key))).stream().findFirst();
    }

    private void inTransaction(Consumer<StoreSession> work) {
        store.inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }
}
