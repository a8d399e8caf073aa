package dev.gatehouse.bench.api;

import dev.gatehouse.bench.load.SignedRequests;
import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.authz.InterimAuthorizer;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.MasterKey;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.user.AdministratorCredentials;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import dev.gatehouse.server.api.AccessKeyUseRecorder;
import dev.gatehouse.server.api.GatehouseApi;
import dev.gatehouse.server.query.QueryEndpoint;
import dev.gatehouse.server.sigv4.SignableRequest;
import dev.gatehouse.store.jdbc.JdbcStore;
import dev.gatehouse.store.jdbc.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The API's read path without HTTP: a signed ListMFADevices for a user with one enabled device,
 * answered by the query endpoint over SQLite, as {@code serve} wires it. What a request costs the
 * server beyond Jetty's share, in microseconds, which the HTTP load driver cannot separate:
 * {@code java -jar gatehouse-bench/target/benchmarks.jar ApiReadBenchmark -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ApiReadBenchmark {

    private static final String FORM = "Action=ListMFADevices&Version=2010-05-08&UserName=bench";

    private Path directory;
    private JdbcStore store;
    private AccessKeyUseRecorder keyUses;
    private QueryEndpoint<?> endpoint;
    private SignableRequest listMfaDevices;

    @Setup
    public void start() throws IOException {
        directory = Files.createTempDirectory("gatehouse-api-bench");
        store = JdbcStore.open(StoreSettings.embedded(directory));
        Clock clock = Clock.systemUTC();
        IdentityServices services = IdentityServices.create(store, KeyRing.of(MasterKey.generate(new SecureRandom())), clock);
        Account account = services.accounts().createAccount("root@example.com", "bench", "Bench-Password-0123!");
        AdministratorCredentials admin = services.users().createAdministrator(account.id(), UserName.of("admin"), Origin.LOCAL);
        IamUser user = services.users().createUser(account.id(), UserName.of("bench"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        NewVirtualMfaDevice device = services.mfaDevices().createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.of("bench"), Tags.NONE, Origin.LOCAL);
        TotpGenerator codes = new TotpGenerator(TotpParameters.AWS_DEFAULT);
        long step = TotpParameters.AWS_DEFAULT.stepAt(clock.instant());
        services.mfaDevices().enableMfaDevice(user.principal(), device.device().serial(),
                codes.generateOneTimePasswordAtStep(device.seed(), step - 1),
                codes.generateOneTimePasswordAtStep(device.seed(), step), Origin.LOCAL);

        keyUses = AccessKeyUseRecorder.flushingEvery(Duration.ofSeconds(1), services.accessKeys(), clock);
        endpoint = (QueryEndpoint<?>) GatehouseApi.endpoints(services, new InterimAuthorizer(), new SimpleMeterRegistry(), keyUses);
        // A signature is good for 15 minutes, longer than the benchmark runs.
        SdkHttpRequest signed = SignedRequests.sign(URI.create("http://127.0.0.1:8750/"), admin.accessKey().key().id().value(),
                admin.accessKey().secret().reveal(), "iam", FORM, clock);
        listMfaDevices = new SignableRequest("POST", "/", "", signed.headers(), FORM.getBytes(StandardCharsets.UTF_8));
        QueryEndpoint.Answer answer = endpoint.answer(listMfaDevices, "127.0.0.1");
        if (answer.status() != 200 || !answer.xml().contains("<SerialNumber>")) {
            throw new IllegalStateException("ListMFADevices was not answered with the device: " + answer);
        }
    }

    @Benchmark
    public QueryEndpoint.Answer listMfaDevices() {
        return endpoint.answer(listMfaDevices, "127.0.0.1");
    }

    @TearDown
    public void stop() throws IOException {
        keyUses.close();
        store.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
