package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** STS through the AWS SDK: session tokens with and without MFA, and what they are good for. */
class StsApiTest {

    private static final TotpGenerator TOTP = new TotpGenerator(TotpParameters.AWS_DEFAULT);

    @TempDir
    Path data;

    private ApiServer api;
    private IamUser alice;
    private NewAccessKey aliceKey;
    private NewVirtualMfaDevice device;
    private StsClient aliceSts;

    @BeforeEach
    void start() {
        api = new ApiServer(data);
        alice = api.services.users().createUser(api.account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        aliceKey = api.services.accessKeys().createAccessKey(alice.principal(), Origin.LOCAL);
        device = api.services.mfaDevices().createVirtualMfaDevice(api.account.id(), IamPath.ROOT, DeviceName.of("alice-phone"),
                Tags.NONE, Origin.LOCAL);
        // Enabled with the codes of the two previous steps, so the current step's code is still unused.
        long step = TotpParameters.AWS_DEFAULT.stepAt(api.clock.instant());
        api.services.mfaDevices().enableMfaDevice(alice.principal(), device.device().serial(), codeAt(step - 2), codeAt(step - 1),
                Origin.LOCAL);
        aliceSts = api.sts(ApiServer.credentials(aliceKey));
    }

    @AfterEach
    void stop() {
        aliceSts.close();
        api.close();
    }

    private String codeAt(long step) {
        return TOTP.generateOneTimePasswordAtStep(device.seed(), step);
    }

    private String currentCode() {
        return codeAt(TotpParameters.AWS_DEFAULT.stepAt(api.clock.instant()));
    }

    private String serial() {
        return device.device().serial().value();
    }

    @Test
    void issuesTemporaryCredentialsThatWorkAndNameTheUser() {
        Credentials credentials = aliceSts.getSessionToken(r -> r.durationSeconds(900)).credentials();

        assertThat(credentials.accessKeyId()).matches("ASIA[A-Z0-9]{16}");
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.sessionToken()).hasSizeGreaterThan(64);
        assertThat(credentials.expiration()).isBetween(Instant.now().plusSeconds(880), Instant.now().plusSeconds(920));
        try (StsClient session = api.sts(sessionCredentials(credentials))) {
            assertThat(session.getCallerIdentity().arn()).isEqualTo(alice.arn());
        }
    }

    @Test
    void issuesCredentialsWithAValidCode() {
        Credentials credentials = aliceSts.getSessionToken(r -> r.serialNumber(serial()).tokenCode(currentCode())).credentials();

        try (IamClient session = api.iam(sessionCredentials(credentials))) {
            assertThat(session.getUser().user().userName()).isEqualTo("alice");
        }
    }

    @Test
    void refusesAWrongCodeWithAwsMessage() {
        String wrong = currentCode().equals("000000") ? "000001" : "000000";

        assertThatThrownBy(() -> aliceSts.getSessionToken(r -> r.serialNumber(serial()).tokenCode(wrong)))
                .isInstanceOfSatisfying(AwsServiceException.class, error -> {
                    assertThat(error.statusCode()).isEqualTo(403);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(error.awsErrorDetails().errorMessage())
                            .isEqualTo("MultiFactorAuthentication failed with invalid MFA one time pass code.");
                });
    }

    @Test
    void countsEveryCodeCheckByOutcome() {
        String code = currentCode();
        aliceSts.getSessionToken(r -> r.serialNumber(serial()).tokenCode(code));
        assertThatThrownBy(() -> aliceSts.getSessionToken(r -> r.serialNumber(serial()).tokenCode(code)))
                .isInstanceOf(AwsServiceException.class);

        assertThat(api.registry.counter("gatehouse.mfa.verifications", "outcome", "ACCEPTED").count()).isEqualTo(1);
        assertThat(api.registry.counter("gatehouse.mfa.verifications", "outcome", "REPLAYED").count()).isEqualTo(1);
    }

    @Test
    void answersAPresignedGetCallerIdentity() throws Exception {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(api.baseUri().resolve("/?Action=GetCallerIdentity&Version=2011-06-15")).build();
        SdkHttpRequest presigned = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(aliceKey.key().id().value(), aliceKey.secret().reveal()))
                .request(unsigned)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))).request();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(presigned.getUri()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<Arn>" + alice.arn() + "</Arn>");
        HttpResponse<String> tampered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                java.net.URI.create(presigned.getUri().toString().replace("GetCallerIdentity", "GetSessionToken"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }

    @Test
    void refusesABodyChangedAfterSigning() throws Exception {
        String body = "Action=GetCallerIdentity&Version=2011-06-15";
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(api.baseUri())
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(aliceKey.key().id().value(), aliceKey.secret().reveal()))
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder tampered = HttpRequest.newBuilder(api.baseUri())
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("GetCallerIdentity", "GetSessionToken")));
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> tampered.header(name, value));
            }
        });

        HttpResponse<String> response = HttpClient.newHttpClient().send(tampered.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }

    @Test
    void refusesACodeUsedOnce() {
        String code = currentCode();
        aliceSts.getSessionToken(r -> r.serialNumber(serial()).tokenCode(code));

        assertThatThrownBy(() -> aliceSts.getSessionToken(r -> r.serialNumber(serial()).tokenCode(code)))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }

    @Test
    void refusesTheCodesThatEnabledTheDevice() {
        long step = TotpParameters.AWS_DEFAULT.stepAt(api.clock.instant());

        assertThatThrownBy(() -> aliceSts.getSessionToken(r -> r.serialNumber(serial()).tokenCode(codeAt(step - 1))))
                .isInstanceOf(AwsServiceException.class);
    }

    @Test
    void givesExactlyOneSetOfCredentialsToSixteenConcurrentCallsWithOneCode() throws Exception {
        String code = currentCode();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> {
                    try (StsClient client = api.sts(ApiServer.credentials(aliceKey))) {
                        client.getSessionToken(r -> r.serialNumber(serial()).tokenCode(code));
                        return true;
                    } catch (AwsServiceException refused) {
                        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        return false;
                    }
                });
            }
            int successes = 0;
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                successes += result.get() ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesTemporaryCredentialsWithoutTheirToken() {
        Credentials credentials = aliceSts.getSessionToken().credentials();

        try (StsClient tokenless = api.sts(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey()))) {
            assertThatThrownBy(tokenless::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class,
                    error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void refusesExpiredTemporaryCredentials() {
        Credentials credentials = aliceSts.getSessionToken(r -> r.durationSeconds(900)).credentials();
        // Past the expiry but within the 15 minutes of clock skew that signatures allow.
        api.clock.advance(Duration.ofSeconds(905));
        try (StsClient session = api.sts(sessionCredentials(credentials))) {
            assertThatThrownBy(session::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class, error -> {
                assertThat(error.statusCode()).isEqualTo(403);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
            });
        }
    }

    @Test
    void refusesSessionTokensFromSessionCredentials() {
        Credentials credentials = aliceSts.getSessionToken().credentials();

        try (StsClient session = api.sts(sessionCredentials(credentials))) {
            assertThatThrownBy(session::getSessionToken).isInstanceOfSatisfying(AwsServiceException.class, error ->
                    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Cannot call GetSessionToken with session credentials"));
        }
    }

    @Test
    void capsTheRootUsersSessionsAtOneHour() {
        NewAccessKey rootKey = api.services.accessKeys().createAccessKey(
                dev.gatehouse.core.account.PrincipalRef.root(api.account.id()), Origin.LOCAL);
        try (StsClient root = api.sts(ApiServer.credentials(rootKey))) {
            Credentials credentials = root.getSessionToken(r -> r.durationSeconds(7200)).credentials();

            assertThat(credentials.expiration()).isBefore(Instant.now().plusSeconds(3700));
        }
    }

    @Test
    void refusesDurationsOutsideAwsLimits() {
        assertThatThrownBy(() -> aliceSts.getSessionToken(r -> r.durationSeconds(899)))
                .isInstanceOfSatisfying(AwsServiceException.class, error -> {
                    assertThat(error.statusCode()).isEqualTo(400);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                });
    }

    private static AwsSessionCredentials sessionCredentials(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }
}
