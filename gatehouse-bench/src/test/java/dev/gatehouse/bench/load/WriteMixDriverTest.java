package dev.gatehouse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.Page;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.authz.InterimAuthorizer;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.MasterKey;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import dev.gatehouse.server.api.GatehouseApi;
import dev.gatehouse.store.jdbc.JdbcStore;
import dev.gatehouse.store.jdbc.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteMixDriverTest {

    @TempDir
    Path data;

    @Test
    void createsUsersAndEnablesTheirDevicesWithRealCodesTakingTheAccountsInTurn() throws Exception {
        try (JdbcStore store = JdbcStore.open(StoreSettings.embedded(data))) {
            IdentityServices services = IdentityServices.create(store, KeyRing.of(MasterKey.generate(new SecureRandom())),
                    Clock.systemUTC());
            List<Account> accounts = new ArrayList<>();
            List<WriteMixDriver.Credentials> keys = new ArrayList<>();
            for (String alias : List.of("writemix-a", "writemix-b")) {
                Account account = services.accounts().createAccount("root@" + alias + ".example.com", alias,
                        "Correct-Horse-Battery-9");
                NewAccessKey admin = services.users().createAdministrator(account.id(), UserName.of("admin"), Origin.LOCAL)
                        .accessKey();
                accounts.add(account);
                keys.add(new WriteMixDriver.Credentials(admin.key().id().value(), admin.secret().reveal()));
            }
            GatehouseServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0),
                    List.of(GatehouseApi.endpoints(services, new InterimAuthorizer(), new SimpleMeterRegistry())));
            try {
                WriteMixDriver.Result result = WriteMixDriver.run(server.baseUri(), keys, "test", 2, Duration.ofMillis(1500));

                assertThat(result.errors()).as(String.valueOf(result.firstError())).isZero();
                assertThat(result.loops()).isGreaterThanOrEqualTo(2);
                assertThat(result.driverCpuMillisPerLoop()).as("the driver's own CPU per loop").isPositive();
                int assigned = 0;
                for (Account account : accounts) {
                    Page<?> devices = services.mfaDevices().listVirtualMfaDevices(account.id(), AssignmentStatus.ASSIGNED,
                            Optional.empty(), 1000);
                    assertThat(devices.items()).as("devices assigned in account " + account.id()).isNotEmpty();
                    assigned += devices.items().size();
                }
                assertThat(assigned).isGreaterThanOrEqualTo((int) result.loops());
            } finally {
                server.close();
            }
        }
    }
}
