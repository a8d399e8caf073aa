package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.crypto.MasterKeySource;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.mfa.MfaDevice;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writing from several threads, so committing in groups, is killed with SIGKILL; every
 * write it acknowledged is there after a restart, and SQLite's integrity check passes.
 */
class CrashSafetyTest {

    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 150;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), data.toString()).redirectErrorStream(true).start();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        String[] accountId = new String[1];
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("ACCOUNT ")) {
                        accountId[0] = line.substring("ACCOUNT ".length());
                    } else if (line.startsWith("ACK ")) {
                        acknowledged.add(line.substring("ACK ".length()));
                        if (acknowledged.size() >= ACKNOWLEDGEMENTS_BEFORE_KILL) {
                            enough.countDown();
                        }
                    }
                }
            } catch (java.io.IOException ended) {
                // The child is gone; what was read is what was acknowledged.
            }
        });
        reader.start();
        try {
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("the child wrote enough before the deadline").isTrue();
        } finally {
            // destroyForcibly is SIGKILL on Unix: no shutdown hook, no close, mid-write.
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(accountId[0]).isNotNull();

        try (Connection connection = DriverManager.getConnection(StoreSettings.embedded(data).jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
            check.next();
            assertThat(check.getString(1)).isEqualTo("ok");
        }
        try (JdbcStore reopened = JdbcStore.open(StoreSettings.embedded(data))) {
            Services gatehouse = new Services(reopened, new MutableClock(Instant.now()),
                    new SecretCipher(new MasterKeySource(Map.of(), data, new SecureRandom()).load()));
            Set<String> stored = new HashSet<>();
            Optional<String> marker = Optional.empty();
            do {
                Page<MfaDevice> page = gatehouse.mfaDevices.listVirtualMfaDevices(AccountId.of(accountId[0]),
                        AssignmentStatus.ANY, marker, 1000);
                page.items().forEach(device -> stored.add(device.name()));
                marker = page.nextMarker();
            } while (marker.isPresent());
            assertThat(stored).containsAll(List.copyOf(acknowledged));
        }
    }
}
