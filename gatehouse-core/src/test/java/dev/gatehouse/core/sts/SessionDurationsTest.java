package dev.gatehouse.core.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.user.UserId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDurationsTest {

    private static final AccountId ACCOUNT = AccountId.of("123456789012");
    private static final PrincipalRef ROOT = PrincipalRef.root(ACCOUNT);
    private static final PrincipalRef USER = PrincipalRef.user(ACCOUNT, new UserId("AIDAABCDEFGHIJKLMNOPQ"));

    @ParameterizedTest(name = "{0} seconds asked: {1} for a user, {2} for root")
    @CsvSource({
        "   900,    900,  900",
        "  3600,   3600, 3600",
        "  3601,   3601, 3600",
        " 43200,  43200, 3600",
        "129600, 129600, 3600",
    })
    void grantsWhatWasAskedAndCapsTheRootUserAtOneHour(int asked, int user, int root) {
        assertThat(SessionDurations.of(Optional.of(asked), USER)).isEqualTo(Duration.ofSeconds(user));
        assertThat(SessionDurations.of(Optional.of(asked), ROOT)).isEqualTo(Duration.ofSeconds(root));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 899, 129_601, Integer.MAX_VALUE})
    void refusesDurationsOutsideFifteenMinutesToThirtySixHoursForEveryone(int asked) {
        for (PrincipalRef caller : new PrincipalRef[] {USER, ROOT}) {
            assertThatThrownBy(() -> SessionDurations.of(Optional.of(asked), caller))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("durationSeconds");
        }
    }

    @ParameterizedTest
    @CsvSource({"false, 43200", "true, 3600"})
    void defaultsToTwelveHoursCappedForRoot(boolean root, int expected) {
        assertThat(SessionDurations.of(Optional.empty(), root ? ROOT : USER)).isEqualTo(Duration.ofSeconds(expected));
    }
}
