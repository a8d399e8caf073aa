package dev.gatehouse.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TEMPORARY_KEY_ID = "ASIAIOSFODNN7EXAMPLE";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN+/=";
    private static final String BODY = "Action=ListUsers&Version=2010-05-08";

    private final Map<String, SigningCredential<String>> keys = new HashMap<>();
    private final SigV4Verifier<String> verifier =
            new SigV4Verifier<>(Clock.fixed(NOW, ZoneOffset.UTC), id -> Optional.ofNullable(keys.get(id)), Set.of("iam", "sts"));

    SigV4VerifierTest() {
        keys.put(KEY_ID, SigningCredential.longTerm(KEY_ID, SECRET, true, "alice"));
        keys.put(TEMPORARY_KEY_ID, new SigningCredential<>(TEMPORARY_KEY_ID, SECRET, true, Optional.of(SessionToken.of(TOKEN)),
                Optional.of(NOW.plusSeconds(60)), "alice-session"));
    }

    @Test
    void acceptsAHeaderSignatureMadeByTheAwsSdk() {
        SignableRequest request = SdkSigning.signedPost(KEY_ID, SECRET, null, "iam", NOW, BODY);

        VerifiedRequest<String> verified = verifier.verify(request, List.of());

        assertThat(verified).isEqualTo(new VerifiedRequest<>("alice", KEY_ID, "us-east-1", "iam"));
    }

    @Test
    void acceptsASignatureFromAClientWhoseClockIsFourteenMinutesOff() {
        SignableRequest request = SdkSigning.signedPost(KEY_ID, SECRET, null, "sts", NOW.minus(Duration.ofMinutes(14)), BODY);

        assertThat(verifier.verify(request, List.of()).service()).isEqualTo("sts");
    }

    @Test
    void refusesATamperedBody() {
        SignableRequest signed = SdkSigning.signedPost(KEY_ID, SECRET, null, "iam", NOW, BODY);
        SignableRequest tampered = new SignableRequest(signed.method(), signed.rawPath(), signed.rawQuery(), signed.headers(),
                "Action=DeleteUser&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));

        assertFailure(() -> verifier.verify(tampered, List.of()), "SignatureDoesNotMatch", 403);
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        SignableRequest request = SdkSigning.signedPost(KEY_ID, SECRET.replace('w', 'v'), null, "iam", NOW, BODY);

        assertFailure(() -> verifier.verify(request, List.of()), "SignatureDoesNotMatch", 403);
    }

    @Test
    void refusesAnUnknownKey() {
        SignableRequest request = SdkSigning.signedPost("AKIAUNKNOWNKEY000000", SECRET, null, "iam", NOW, BODY);

        assertFailure(() -> verifier.verify(request, List.of()), "InvalidClientTokenId", 403);
    }

    @Test
    void refusesAnInactiveKeyAsIfItDidNotExist() {
        keys.put(KEY_ID, SigningCredential.longTerm(KEY_ID, SECRET, false, "alice"));
        SignableRequest request = SdkSigning.signedPost(KEY_ID, SECRET, null, "iam", NOW, BODY);

        assertFailure(() -> verifier.verify(request, List.of()), "InvalidClientTokenId", 403);
    }

    @Test
    void refusesARequestSignedMoreThanFifteenMinutesAgo() {
        SignableRequest request = SdkSigning.signedPost(KEY_ID, SECRET, null, "iam", NOW.minus(Duration.ofMinutes(16)), BODY);

        assertThatThrownBy(() -> verifier.verify(request, List.of()))
                .isInstanceOfSatisfying(AuthenticationFailure.class, failure -> assertThat(failure.code()).isEqualTo("SignatureDoesNotMatch"))
                .hasMessageStartingWith("Signature expired: 20261122T114400Z is now earlier than 20261122T114500Z");
    }

    @Test
    void refusesARequestSignedMoreThanFifteenMinutesAhead() {
        SignableRequest request = SdkSigning.signedPost(KEY_ID, SECRET, null, "iam", NOW.plus(Duration.ofMinutes(16)), BODY);

        assertThatThrownBy(() -> verifier.verify(request, List.of())).hasMessageStartingWith("Signature not yet current");
    }

    @Test
    void refusesARequestWithoutCredentials() {
        SignableRequest request = new SignableRequest("POST", "/", "", Map.of("Host", List.of("127.0.0.1")),
                BODY.getBytes(StandardCharsets.UTF_8));

        assertFailure(() -> verifier.verify(request, List.of()), "MissingAuthenticationToken", 403);
    }

    @Test
    void refusesAMalformedAuthorizationHeader() {
        SignableRequest request = new SignableRequest("POST", "/", "",
                Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20261122/us-east-1/iam/aws4_request"),
                        "X-Amz-Date", List.of("20261122T120000Z"), "Host", List.of("127.0.0.1")),
                BODY.getBytes(StandardCharsets.UTF_8));

        assertFailure(() -> verifier.verify(request, List.of()), "IncompleteSignature", 400);
    }

    @Test
    void refusesAServiceThisEndpointDoesNotServe() {
        SignableRequest request = SdkSigning.signedPost(KEY_ID, SECRET, null, "s3", NOW, BODY);

        assertFailure(() -> verifier.verify(request, List.of()), "IncompleteSignature", 400);
    }

    @Test
    void acceptsTemporaryCredentialsWithTheirSessionToken() {
        SignableRequest request = SdkSigning.signedPost(TEMPORARY_KEY_ID, SECRET, TOKEN, "sts", NOW, BODY);

        assertThat(verifier.verify(request, List.of()).principal()).isEqualTo("alice-session");
    }

    @Test
    void refusesTemporaryCredentialsWithoutTheirSessionToken() {
        SignableRequest request = SdkSigning.signedPost(TEMPORARY_KEY_ID, SECRET, null, "sts", NOW, BODY);

        assertFailure(() -> verifier.verify(request, List.of()), "InvalidClientTokenId", 403);
    }

    @Test
    void refusesTemporaryCredentialsWithAnotherSessionToken() {
        SignableRequest request = SdkSigning.signedPost(TEMPORARY_KEY_ID, SECRET, TOKEN + "x", "sts", NOW, BODY);

        assertFailure(() -> verifier.verify(request, List.of()), "InvalidClientTokenId", 403);
    }

    @Test
    void refusesExpiredTemporaryCredentials() {
        keys.put(TEMPORARY_KEY_ID, new SigningCredential<>(TEMPORARY_KEY_ID, SECRET, true, Optional.of(SessionToken.of(TOKEN)),
                Optional.of(NOW), "alice-session"));
        SignableRequest request = SdkSigning.signedPost(TEMPORARY_KEY_ID, SECRET, TOKEN, "sts", NOW, BODY);

        assertFailure(() -> verifier.verify(request, List.of()), "ExpiredToken", 403);
    }

    @Test
    void acceptsAPresignedUrlMadeByTheAwsSdk() {
        SignableRequest request = SdkSigning.presignedGet(KEY_ID, SECRET, "sts", NOW.minusSeconds(30), Duration.ofMinutes(5),
                "Action=GetCallerIdentity&Version=2011-06-15");

        VerifiedRequest<String> verified = verifier.verify(request, QueryStrings.parse(request.rawQuery()));

        assertThat(verified.principal()).isEqualTo("alice");
    }

    @Test
    void refusesAPresignedUrlPastItsExpiry() {
        SignableRequest request = SdkSigning.presignedGet(KEY_ID, SECRET, "sts", NOW.minusSeconds(301), Duration.ofMinutes(5),
                "Action=GetCallerIdentity&Version=2011-06-15");

        assertFailure(() -> verifier.verify(request, QueryStrings.parse(request.rawQuery())), "SignatureDoesNotMatch", 403);
    }

    @Test
    void refusesAPresignedUrlWhoseParametersWereChanged() {
        SignableRequest request = SdkSigning.presignedGet(KEY_ID, SECRET, "sts", NOW, Duration.ofMinutes(5),
                "Action=GetCallerIdentity&Version=2011-06-15");
        String changed = request.rawQuery().replace("GetCallerIdentity", "GetSessionToken");

        assertFailure(() -> verifier.verify(request, QueryStrings.parse(changed)), "SignatureDoesNotMatch", 403);
    }

    private static void assertFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuthenticationFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo(code);
            assertThat(failure.status()).isEqualTo(status);
        });
    }
}
