package dev.gatehouse.server.sigv4;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Signs requests with the AWS SDK for Java v2's own SigV4 signer, the one real clients use. */
final class SdkSigning {

    static final URI ENDPOINT = URI.create("http://127.0.0.1:8750/");

    private SdkSigning() {
    }

    static SignableRequest signedPost(String accessKeyId, String secret, String sessionToken, String service,
            Instant at, String body) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(ENDPOINT)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity(accessKeyId, secret, sessionToken))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        return toSignable(signed.request(), body.getBytes(StandardCharsets.UTF_8));
    }

    static SignableRequest presignedGet(String accessKeyId, String secret, String service, Instant at,
            Duration expires, String query) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(ENDPOINT.resolve("/?" + query)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity(accessKeyId, secret, null))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expires)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        return toSignable(signed.request(), new byte[0]);
    }

    private static AwsCredentialsIdentity identity(String accessKeyId, String secret, String sessionToken) {
        return sessionToken == null
                ? AwsCredentialsIdentity.create(accessKeyId, secret)
                : AwsSessionCredentialsIdentity.create(accessKeyId, secret, sessionToken);
    }

    private static SignableRequest toSignable(SdkHttpRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("Host", List.of(ENDPOINT.getHost() + ":" + ENDPOINT.getPort()));
        String rawQuery = request.rawQueryParameters().entrySet().stream()
                .flatMap(entry -> entry.getValue().stream()
                        .map(value -> QueryStrings.encode(entry.getKey()) + "=" + QueryStrings.encode(value)))
                .collect(Collectors.joining("&"));
        return new SignableRequest(request.method().name(), request.encodedPath().isEmpty() ? "/" : request.encodedPath(),
                rawQuery, headers, body);
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
