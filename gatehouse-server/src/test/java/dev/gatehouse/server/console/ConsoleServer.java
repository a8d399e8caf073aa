package dev.gatehouse.server.console;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.authz.InterimAuthorizer;
import dev.gatehouse.core.crypto.Argon2Parameters;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.MasterKey;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.crypto.PasswordHasher;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import dev.gatehouse.server.api.AccessKeyUseRecorder;
import dev.gatehouse.server.api.GatehouseApi;
import dev.gatehouse.server.api.ShiftableClock;
import dev.gatehouse.store.jdbc.JdbcStore;
import dev.gatehouse.store.jdbc.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real Gatehouse, API and console, on a loopback port over a real SQLite store in a temporary
 * directory, with a clock the test moves, and helpers to arrange what a test needs through the
 * domain (accounts, users with passwords, enabled MFA devices). Browse it with {@link #client()}.
 */
public final class ConsoleServer implements AutoCloseable {

    /** Cheap Argon2id so that tests that sign in stay fast; production uses OWASP's. */
    private static final Argon2Parameters TEST_HASHING = new Argon2Parameters(1024, 1, 1);
    public static final String ROOT_EMAIL = "root@example.com";
    public static final String PASSWORD = "Correct-Horse-Battery-9";

    public final ShiftableClock clock = new ShiftableClock();
    public final IdentityServices services;
    private final JdbcStore store;
    private final GatehouseServer server;

    public ConsoleServer(Path dataDirectory) {
        this(dataDirectory, ConsoleSettings.DEFAULT);
    }

    public ConsoleServer(Path dataDirectory, ConsoleSettings settings) {
        this(dataDirectory, settings, UnaryOperator.identity());
    }

    /**
     * A server whose services reach the store through {@code around}: for a test that makes
     * something land between two units of work of one request.
     */
    public ConsoleServer(Path dataDirectory, ConsoleSettings settings, UnaryOperator<Store> around) {
        store = JdbcStore.open(StoreSettings.embedded(dataDirectory));
        services = IdentityServices.create(around.apply(store), new SecretCipher(KeyRing.of(MasterKey.generate(new SecureRandom()))),
                new PasswordHasher(TEST_HASHING), ThrottlePolicy.DEFAULT, clock);
        InterimAuthorizer authorizer = new InterimAuthorizer();
        server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0), List.of(
                GatehouseApi.endpoints(services, authorizer, new SimpleMeterRegistry(),
                        new AccessKeyUseRecorder(services.accessKeys(), clock)),
                new ConsoleEndpoints(services, authorizer, settings)));
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** A new browser without cookies. */
    public ConsoleClient client() {
        return new ConsoleClient(baseUri());
    }

    /** An account whose root user's e-mail is {@link #ROOT_EMAIL} and password {@link #PASSWORD}. */
    public Account createAccount(String alias) {
        return services.accounts().createAccount(ROOT_EMAIL, alias, PASSWORD);
    }

    /** An IAM user with the console password {@link #PASSWORD}. */
    public IamUser createUser(Account account, String name, boolean administrator, boolean resetRequired) {
        IamUser user = administrator
                ? services.users().createAdministrator(account.id(), UserName.of(name), Origin.LOCAL).user()
                : services.users().createUser(account.id(), UserName.of(name), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        services.passwords().createLoginProfile(user.principal(), Password.of(PASSWORD), resetRequired, Origin.LOCAL);
        return user;
    }

    /**
     * A virtual MFA device enabled for {@code principal}, with the two codes of the current and
     * next step; the clock then moves past them, so the next code a test asks for is unused.
     */
    public Authenticator enableVirtualMfa(PrincipalRef principal, String deviceName) {
        NewVirtualMfaDevice created = services.mfaDevices().createVirtualMfaDevice(principal.accountId(), IamPath.ROOT,
                DeviceName.of(deviceName), Tags.NONE, Origin.LOCAL);
        Authenticator authenticator = new Authenticator(created.device().serial().value(), created.seed(), clock);
        // The code before and the current one, as a person types them: two codes of this step and the
        // next would teach the device a drift of one step ahead, and a later sign-in whose code is
        // checked just after a step boundary would then fall outside the window.
        services.mfaDevices().enableMfaDevice(principal, created.device().serial(), authenticator.code(-1),
                authenticator.code(0), Origin.LOCAL);
        clock.advance(Duration.ofSeconds(60));
        return authenticator;
    }

    /** What an authenticator app shows for one device, at the server's time. */
    public record Authenticator(String serial, OtpSecret seed, Clock clock) {

        private static final TotpGenerator GENERATOR = new TotpGenerator(TotpParameters.AWS_DEFAULT);

        /** The code {@code steps} after the server's current step. */
        public String code(int steps) {
            return GENERATOR.generateOneTimePasswordAtStep(seed, TotpParameters.AWS_DEFAULT.stepAt(clock.instant()) + steps);
        }

        /** A six-digit code that is not this step's or a neighbour's. */
        public String wrongCode() {
            List<String> near = List.of(code(-1), code(0), code(1));
            for (int candidate = 0; ; candidate++) {
                String code = String.format("%06d", candidate);
                if (!near.contains(code)) {
                    return code;
                }
            }
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
