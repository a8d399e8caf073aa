package dev.gatehouse.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import dev.gatehouse.server.metrics.ApiMetrics;
import dev.gatehouse.server.metrics.MetricsEndpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.gatehouse.server.sigv4.SigV4Verifier;
import dev.gatehouse.server.sigv4.SigningCredential;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The query endpoint on a real server, driven by the real AWS SDK for Java v2 clients, with
 * actions that answer fixed data: what is under test is the protocol, not the domain.
 */
class QueryEndpointTest {

    private static final String KEY_ID = "AKIAGATEHOUSETEST001";
    private static final String SECRET = "gatehouse/test/secret/key/0123456789abcd";

    record Caller(String arn) {
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private final List<QueryInput> tagInputs = new ArrayList<>();
    private volatile ApiErrorMapper failingMapper;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private GatehouseServer server;
    private IamClient iam;
    private StsClient sts;

    @BeforeEach
    void startServer() {
        SigV4Verifier<Caller> verifier = new SigV4Verifier<>(Clock.systemUTC(),
                id -> id.equals(KEY_ID) ? Optional.of(SigningCredential.longTerm(KEY_ID, SECRET, true,
                        new Caller("arn:aws:iam::123456789012:user/alice"))) : Optional.empty(),
                Set.of("iam", "sts"));
        QueryService<Caller> iamService = new QueryService<>("iam", ServiceModel.iam(), Map.of(
                "ListUsers", (context, input) -> Map.of(
                        "Users", List.of(user("alice"), user("bob")),
                        "IsTruncated", false),
                "CreateVirtualMFADevice", (context, input) -> Map.of("VirtualMFADevice", Map.of(
                        "SerialNumber", "arn:aws:iam::123456789012:mfa/" + input.requiredString("VirtualMFADeviceName"),
                        "Base32StringSeed", "JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII),
                        "QRCodePNG", new byte[] {(byte) 0x89, 'P', 'N', 'G'})),
                "GetAccountSummary", (context, input) -> Map.of("SummaryMap", Map.of("AccountMFAEnabled", 1, "Users", 2)),
                "GetUser", (context, input) -> {
                    throw new NotFound("The user with name " + input.requiredString("UserName") + " cannot be found.");
                },
                "TagUser", (context, input) -> {
                    tagInputs.addAll(input.list("Tags"));
                    return Map.of();
                },
                "CreateUser", (context, input) -> Map.of("User", user(input.requiredString("UserName")))));
        QueryService<Caller> stsService = new QueryService<>("sts", ServiceModel.sts(), Map.of(
                "GetCallerIdentity", (context, input) -> Map.of(
                        "UserId", "AIDAEXAMPLE0000000001", "Account", "123456789012", "Arn", context.caller().arn())));
        ApiErrorMapper errors = exception -> failingMapper != null ? failingMapper.map(exception) : exception instanceof NotFound
                ? Optional.of(new ApiError("NoSuchEntity", exception.getMessage(), 404))
                : Optional.empty();
        ApiMetrics metrics = new ApiMetrics(registry, ServiceModel.iam().operationNames());
        server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0), List.of(
                new QueryEndpoint<>(verifier, List.of(iamService, stsService), errors, metrics),
                new MetricsEndpoint(registry)));
        iam = IamClient.builder().endpointOverride(server.baseUri()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .httpClient(UrlConnectionHttpClient.create()).build();
        sts = StsClient.builder().endpointOverride(server.baseUri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stopServer() {
        iam.close();
        sts.close();
        server.close();
    }

    private static Map<String, Object> user(String name) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("Path", "/");
        user.put("UserName", name);
        user.put("UserId", "AIDA" + "EXAMPLE".repeat(2) + "XX");
        user.put("Arn", "arn:aws:iam::123456789012:user/" + name);
        user.put("CreateDate", Instant.parse("2026-11-22T10:15:30.123Z"));
        return user;
    }

    @Test
    void answersStsGetCallerIdentityForTheSigner() {
        GetCallerIdentityResponse identity = sts.getCallerIdentity();

        assertThat(identity.account()).isEqualTo("123456789012");
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(identity.responseMetadata().requestId()).isNotBlank();
    }

    @Test
    void writesListsOfStructuresTheSdkReads() {
        ListUsersResponse users = iam.listUsers();

        assertThat(users.users()).extracting(user -> user.userName()).containsExactly("alice", "bob");
        assertThat(users.users().get(0).createDate()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
        assertThat(users.isTruncated()).isFalse();
    }

    @Test
    void writesBlobsAsBase64() {
        CreateVirtualMfaDeviceResponse created = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("alice-phone"));

        assertThat(created.virtualMFADevice().serialNumber()).isEqualTo("arn:aws:iam::123456789012:mfa/alice-phone");
        assertThat(created.virtualMFADevice().base32StringSeed()).isEqualTo(SdkBytes.fromUtf8String("JBSWY3DPEHPK3PXP"));
        assertThat(created.virtualMFADevice().qrCodePNG().asByteArray()).startsWith((byte) 0x89, (byte) 'P');
    }

    @Test
    void writesMapsAsEntries() {
        GetAccountSummaryResponse summary = iam.getAccountSummary();

        assertThat(summary.summaryMap()).containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 1).containsEntry(SummaryKeyType.USERS, 2);
    }

    @Test
    void readsListMembersOfTheInput() {
        iam.tagUser(r -> r.userName("alice").tags(Tag.builder().key("team").value("security").build(),
                Tag.builder().key("cost centre").value("42 + up: ünïcode").build()));

        assertThat(tagInputs).extracting(tag -> tag.requiredString("Key") + "=" + tag.requiredString("Value"))
                .containsExactly("team=security", "cost centre=42 + up: ünïcode");
    }

    @Test
    void mapsDomainErrorsToTheirAwsCodes() {
        assertThatThrownBy(() -> iam.getUser(r -> r.userName("nobody")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, error -> {
                    assertThat(error.statusCode()).isEqualTo(404);
                    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The user with name nobody cannot be found.");
                });
    }

    @Test
    void refusesInputThatBreaksTheModelNamingTheField() {
        assertThatThrownBy(() -> iam.createUser(r -> r.userName("not a valid name!")))
                .isInstanceOfSatisfying(AwsServiceException.class, error -> {
                    assertThat(error.statusCode()).isEqualTo(400);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: "
                            + "Value 'not a valid name!' at 'userName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
                });
    }

    @Test
    void answersAnActionItDoesNotImplementWithInvalidAction() {
        assertThatThrownBy(() -> iam.listRoles())
                .isInstanceOfSatisfying(AwsServiceException.class, error -> {
                    assertThat(error.statusCode()).isEqualTo(400);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                });
    }

    @Test
    void refusesAnUnknownAccessKey() {
        try (IamClient stranger = IamClient.builder().endpointOverride(server.baseUri()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIANOBODY0000000000", SECRET)))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThatThrownBy(stranger::listUsers)
                    .isInstanceOfSatisfying(AwsServiceException.class, error -> {
                        assertThat(error.statusCode()).isEqualTo(403);
                        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    });
        }
    }

    @Test
    void answersAnUnsignedRequestWithMissingAuthenticationTokenInXml() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/?Action=ListUsers&Version=2010-05-08")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body()).contains("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">",
                "<Type>Sender</Type>", "<Code>MissingAuthenticationToken</Code>", "<RequestId>");
    }

    @Test
    void countsRequestsByActionAndOutcomeOnTheMetricsPage() throws Exception {
        iam.listUsers();
        iam.listUsers();
        assertThatThrownBy(() -> iam.getUser(r -> r.userName("nobody"))).isInstanceOf(NoSuchEntityException.class);

        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("gatehouse_api_requests_seconds_count{action=\"ListUsers\",outcome=\"Success\",service=\"iam\"} 2")
                .contains("gatehouse_api_requests_seconds_count{action=\"GetUser\",outcome=\"NoSuchEntity\",service=\"iam\"} 1")
                .contains("gatehouse_api_requests_seconds_bucket{action=\"ListUsers\"");
    }

    @Test
    void answersAFailureToMapAnErrorAsAServiceFailureInXmlNamingNothingOfIt() {
        failingMapper = exception -> {
            throw new IllegalStateException("internal detail");
        };

        assertThatThrownBy(() -> iam.getUser(request -> request.userName("nobody")))
                .isInstanceOfSatisfying(AwsServiceException.class, failure -> {
                    assertThat(failure.statusCode()).isEqualTo(500);
                    assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("ServiceFailure");
                    assertThat(failure.getMessage()).doesNotContain("internal detail");
                });
        // Counted as what the client saw (the SDK retries a 500, so more than once), never as a success.
        assertThat(registry.scrape())
                .contains("gatehouse_api_requests_seconds_count{action=\"GetUser\",outcome=\"ServiceFailure\",service=\"iam\"}")
                .doesNotContain("action=\"GetUser\",outcome=\"Success\"");
    }

    @Test
    void refusesABodyLargerThanItReadsWithRequestEntityTooLarge() throws Exception {
        String form = "Action=ListUsers&Version=2010-05-08&Padding=" + "x".repeat(QueryHttpHandler.MAXIMUM_BODY_BYTES);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.baseUri()).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("<Code>RequestEntityTooLarge</Code>", "<RequestId>");
    }

    @Test
    void leavesEveryOtherRequestToTheRoutesBehindIt() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> putOnRoot = client.send(HttpRequest.newBuilder(server.baseUri())
                .PUT(HttpRequest.BodyPublishers.ofString("Action=ListUsers")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
        assertThat(putOnRoot.statusCode()).isEqualTo(404);
        assertThat(putOnRoot.body()).doesNotContain("ErrorResponse");
    }
}
