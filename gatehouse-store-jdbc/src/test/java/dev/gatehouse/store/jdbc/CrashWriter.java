package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.testing.MutableClock;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.MasterKeySource;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.user.IamPath;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

/**
 * The child process of {@link CrashSafetyTest}: creates MFA devices in a loop from
 * {@value #WRITERS} threads on the SQLite store in the data directory given, printing
 * {@code ACK name} after each one is committed, until killed. Several writers make the store commit
 * in groups, so the kill also lands between a group's units and its commit.
 */
public final class CrashWriter {

    static final int WRITERS = 4;

    private CrashWriter() {
    }

    public static void main(String[] arguments) {
        Path data = Path.of(arguments[0]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        JdbcStore store = JdbcStore.open(StoreSettings.embedded(data));
        Services gatehouse = new Services(store, new MutableClock(Instant.now()),
                new SecretCipher(new MasterKeySource(Map.of(), data, new SecureRandom()).load()));
        Account account = gatehouse.accounts.createAccount("crash@example.com", null, "Correct-Horse-7");
        out.println("ACCOUNT " + account.id());
        for (int writer = 0; writer < WRITERS; writer++) {
            String prefix = "device-" + writer + "-";
            new Thread(() -> {
                for (int i = 0; ; i++) {
                    String name = prefix + i;
                    gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT, DeviceName.of(name),
                            Tags.NONE, Origin.LOCAL);
                    // Printed only once the commit has returned: an ACK is a promise the write is durable.
                    out.println("ACK " + name);
                }
            }, "crash-writer-" + writer).start();
        }
    }
}
