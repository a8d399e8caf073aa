package dev.gatehouse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import dev.gatehouse.server.metrics.ApiMetrics;
import dev.gatehouse.server.query.QueryEndpoint;
import dev.gatehouse.server.query.QueryService;
import dev.gatehouse.server.query.ServiceModel;
import dev.gatehouse.server.sigv4.SigV4Verifier;
import dev.gatehouse.server.sigv4.SigningCredential;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadDriverTest {

    private static final String KEY_ID = "AKIALOADDRIVERTEST01";
    private static final String SECRET = "load/driver/test/secret/0123456789abcdefg";

    private final AtomicInteger handled = new AtomicInteger();
    private final GatehouseServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0), List.of(new QueryEndpoint<>(
            new SigV4Verifier<>(Clock.systemUTC(), id -> Optional.of(SigningCredential.longTerm(KEY_ID, SECRET, true, "caller"))
                    .filter(credential -> credential.accessKeyId().equals(id)), Set.of("iam")),
            List.of(new QueryService<String>("iam", ServiceModel.iam(), Map.of("ListUsers", (context, input) -> {
                handled.incrementAndGet();
                return Map.of("Users", List.of(), "IsTruncated", false);
            }))),
            exception -> Optional.empty(),
            new ApiMetrics(new SimpleMeterRegistry(), Set.of("ListUsers")))));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void measuresSignedRequestsThatTheServerAccepts() throws Exception {
        HttpRequest request = SignedRequests.post(server.baseUri(), KEY_ID, SECRET, "iam",
                "Action=ListUsers&Version=2010-05-08", Clock.systemUTC());

        LoadDriver.Result result = LoadDriver.run(request, 2, Duration.ofMillis(200), Duration.ofMillis(500));

        assertThat(result.errors()).isZero();
        assertThat(result.requests()).isPositive();
        assertThat(handled.get()).isGreaterThanOrEqualTo((int) result.requests());
        assertThat(result.requestsPerSecond()).isPositive();
        assertThat(result.p99Millis()).isGreaterThanOrEqualTo(result.p50Millis()).isPositive();
    }

    @Test
    void writesAWrkScriptCarryingTheSignedRequest() {
        String script = SignedRequests.wrkScript(server.baseUri(), KEY_ID, SECRET, "iam",
                "Action=ListUsers&Version=2010-05-08&PathPrefix=\"/", Clock.systemUTC());

        assertThat(script).contains("wrk.method = \"POST\"")
                .contains("wrk.body = \"Action=ListUsers&Version=2010-05-08&PathPrefix=\\\"/\"")
                .containsPattern("wrk\\.headers\\[\"Authorization\"\\] = \"AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/")
                .containsPattern("wrk\\.headers\\[\"X-Amz-Date\"\\] = \"\\d{8}T\\d{6}Z\"")
                .doesNotContain("Content-Length");
    }

    @Test
    void refusesToReportWhenEveryRequestFails() {
        HttpRequest request = SignedRequests.post(server.baseUri(), KEY_ID, "wrong-secret", "iam",
                "Action=ListUsers&Version=2010-05-08", Clock.systemUTC());

        assertThatThrownBy(() -> LoadDriver.run(request, 1, Duration.ofMillis(200), Duration.ofMillis(200)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SignatureDoesNotMatch");
    }
}
