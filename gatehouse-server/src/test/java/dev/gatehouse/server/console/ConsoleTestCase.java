package dev.gatehouse.server.console;

import dev.gatehouse.core.account.Account;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What most console tests start from: a real console on a loopback port over a fresh SQLite store,
 * the account {@code acme} (root {@link ConsoleServer#ROOT_EMAIL}), and a browser without a session.
 */
abstract class ConsoleTestCase {

    /** One's own security credentials: keys, password and MFA devices. */
    static final String CREDENTIALS = "/console/security-credentials";

    @TempDir
    Path data;

    ConsoleServer console;
    ConsoleClient browser;
    Account account;

    @BeforeEach
    void startConsole() {
        console = new ConsoleServer(data);
        browser = console.client();
        account = console.createAccount("acme");
    }

    @AfterEach
    void stopConsole() {
        console.close();
    }

    /** Signs {@link #browser} in as the account's root user, which has no MFA device yet. */
    ConsoleClient signedInRoot() {
        browser.follow(browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD));
        return browser;
    }
}
