package dev.gatehouse.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.query.QueryEndpoint;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's setup and its request a few times, so that it cannot rot between runs. */
class ApiReadBenchmarkTest {

    private final ApiReadBenchmark benchmark = new ApiReadBenchmark();

    @BeforeEach
    void start() throws IOException {
        benchmark.start();
    }

    @AfterEach
    void stop() throws IOException {
        benchmark.stop();
    }

    @Test
    void everyCallListsTheUsersDevice() {
        for (int call = 0; call < 3; call++) {
            QueryEndpoint.Answer answer = benchmark.listMfaDevices();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.xml()).contains("<ListMFADevicesResponse", "<UserName>bench</UserName>", "<SerialNumber>");
        }
    }
}
