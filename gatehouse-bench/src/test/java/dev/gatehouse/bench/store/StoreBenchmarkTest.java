package dev.gatehouse.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.mfa.VerificationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's setup and each benchmark a few times on SQLite, so that it cannot rot between runs. */
class StoreBenchmarkTest {

    private final StoreBenchmark benchmark = new StoreBenchmark();

    @BeforeEach
    void openStore() {
        benchmark.database = BenchmarkDatabase.SQLITE;
        benchmark.openStore();
    }

    @AfterEach
    void closeStore() {
        benchmark.closeStore();
    }

    @Test
    void everyVerificationOfTheNextStepsCodeIsAccepted() {
        SigningInUser user = new SigningInUser();
        user.enableDevice(benchmark);

        for (int call = 0; call < 3; call++) {
            assertThat(benchmark.verifyAndAdvance(user)).isEqualTo(VerificationOutcome.ACCEPTED);
        }
    }

    @Test
    void twoThreadsStatesHaveTheirOwnDevices() {
        SigningInUser first = new SigningInUser();
        SigningInUser second = new SigningInUser();
        first.enableDevice(benchmark);
        second.enableDevice(benchmark);

        assertThat(benchmark.verifyAndAdvance(first)).isEqualTo(VerificationOutcome.ACCEPTED);
        assertThat(benchmark.verifyAndAdvance(second)).isEqualTo(VerificationOutcome.ACCEPTED);
    }

    @Test
    void createsADeviceWithANewNameEachCall() {
        assertThat(benchmark.createVirtualMfaDevice().device().serial())
                .isNotEqualTo(benchmark.createVirtualMfaDevice().device().serial());
    }
}
