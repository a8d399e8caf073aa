package dev.gatehouse.bench.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A query-API request signed once with the AWS SDK's SigV4 signer. A signature stays valid for
 * 15 minutes, so a run shorter than that can send the same signed request over and over, as wrk
 * would; what is measured is the server, not the client's signing.
 */
public final class SignedRequests {

    private SignedRequests() {
    }

    /** {@code POST endpoint/} with a form body, signed for {@code service} in us-east-1. */
    public static HttpRequest post(URI endpoint, String accessKeyId, String secretAccessKey, String service, String form,
            Clock clock) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create(accessKeyId, secretAccessKey))
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromUtf8String(form))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
                .request();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        // The JDK client sets Host and Content-Length itself and refuses to have them set.
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }
}
