package dev.gatehouse.bench.console;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.authz.Authorizer;
import dev.gatehouse.core.authz.InterimAuthorizer;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.MasterKey;
import dev.gatehouse.core.crypto.PasswordHash;
import dev.gatehouse.core.crypto.PasswordHasher;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import dev.gatehouse.server.api.GatehouseApi;
import dev.gatehouse.server.console.ConsoleEndpoints;
import dev.gatehouse.server.console.ConsoleSettings;
import dev.gatehouse.store.jdbc.JdbcStore;
import dev.gatehouse.store.jdbc.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * A fresh SQLite store in a directory with a pool of IAM users ready to sign in, served on a loopback
 * port as {@code gatehouse serve} wires it (StorageOptions, ServeCommand), with a given hasher.
 */
final class SignInServer implements AutoCloseable {

    private final JdbcStore store;
    private final GatehouseServer server;
    private final SignInPool pool;
    private final String accountId;
    private final ConsoleSignIn browser;

    private SignInServer(JdbcStore store, GatehouseServer server, SignInPool pool, String accountId) {
        this.store = store;
        this.server = server;
        this.pool = pool;
        this.accountId = accountId;
        this.browser = new ConsoleSignIn(server.baseUri());
    }

    /** Prepares {@code users} users whose password hash is {@code stored} (made with {@code hasher}), then serves them. */
    static SignInServer start(Path directory, PasswordHasher hasher, PasswordHash stored, int users, PrintStream out)
            throws InterruptedException {
        return start(directory, hasher, stored, users, Clock.systemUTC(), out);
    }

    /**
     * The same, on {@code clock}: an {@link AheadClock} lets the pool move time on to the next TOTP step
     * instead of waiting for it.
     */
    static SignInServer start(Path directory, PasswordHasher hasher, PasswordHash stored, int users, Clock clock,
            PrintStream out) throws InterruptedException {
        JdbcStore store = JdbcStore.open(StoreSettings.embedded(directory));
        try {
            IdentityServices services = IdentityServices.create(store,
                    new SecretCipher(KeyRing.of(MasterKey.generate(new SecureRandom()))), hasher, ThrottlePolicy.DEFAULT,
                    clock);
            Account account = services.accounts().createAccount("root@example.com", "bench", ConsoleSignInBenchmark.PASSWORD);
            long preparing = System.nanoTime();
            SignInPool pool = SignInPool.prepare(services, account.id(), stored, "signer", users,
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "prepared %d users with enabled virtual MFA devices in %.1f s%n", pool.size(),
                    (System.nanoTime() - preparing) / 1e9);
            Authorizer authorizer = new InterimAuthorizer();
            GatehouseServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0), List.of(
                    GatehouseApi.endpoints(services, authorizer, new SimpleMeterRegistry()),
                    new ConsoleEndpoints(services, authorizer, ConsoleSettings.DEFAULT)));
            return new SignInServer(store, server, pool, account.id().value());
        } catch (RuntimeException | InterruptedException e) {
            store.close();
            throw e;
        }
    }

    /** One sign-in of the user used longest ago, with password and code, through HTTP. */
    ClosedLoop.Operation signIn() {
        return () -> pool.signIn(turn -> browser.signIn(accountId, turn.userName(), ConsoleSignInBenchmark.PASSWORD,
                turn.code()));
    }

    SignInPool pool() {
        return pool;
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
