package dev.gatehouse.server.api;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.authz.InterimAuthorizer;
import dev.gatehouse.core.crypto.Argon2Parameters;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.MasterKey;
import dev.gatehouse.core.crypto.PasswordHasher;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import dev.gatehouse.store.jdbc.JdbcStore;
import dev.gatehouse.store.jdbc.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A real Gatehouse API on a loopback port over a real SQLite store in a temporary directory,
 * with one account and its bootstrap administrator, and AWS SDK clients for any credentials.
 */
public final class ApiServer implements AutoCloseable {

    /** Cheap Argon2id so that tests that set passwords stay fast; production uses OWASP's. */
    private static final Argon2Parameters TEST_HASHING = new Argon2Parameters(1024, 1, 1);

    public final ShiftableClock clock = new ShiftableClock();
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final IdentityServices services;
    public final Account account;
    public final NewAccessKey administratorKey;
    /** Flushed only when a test says so, so that last-used dates are checked without waiting. */
    public final AccessKeyUseRecorder keyUses;
    private final JdbcStore store;
    private final GatehouseServer server;

    public ApiServer(Path dataDirectory) {
        store = JdbcStore.open(StoreSettings.embedded(dataDirectory));
        services = IdentityServices.create(store, new SecretCipher(KeyRing.of(MasterKey.generate(new SecureRandom()))),
                new PasswordHasher(TEST_HASHING), ThrottlePolicy.DEFAULT, clock);
        account = services.accounts().createAccount("root@example.com", "example", "Correct-Horse-Battery-9");
        administratorKey = services.users().createAdministrator(account.id(), UserName.of("admin"), Origin.LOCAL).accessKey();
        keyUses = new AccessKeyUseRecorder(services.accessKeys(), clock);
        server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0),
                List.of(GatehouseApi.endpoints(services, new InterimAuthorizer(), registry, keyUses)));
    }

    public static AwsCredentials credentials(NewAccessKey key) {
        return AwsBasicCredentials.create(key.key().id().value(), key.secret().reveal());
    }

    public static AwsCredentials credentials(software.amazon.awssdk.services.iam.model.AccessKey key) {
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    public IamClient iam(AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(server.baseUri()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(server.baseUri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public java.net.URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
