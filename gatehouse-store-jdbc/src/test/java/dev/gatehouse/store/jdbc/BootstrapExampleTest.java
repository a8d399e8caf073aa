package dev.gatehouse.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.KeyRotationService;
import dev.gatehouse.core.crypto.MasterKeySource;
import dev.gatehouse.core.user.AdministratorCredentials;
import dev.gatehouse.core.user.UserName;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the bootstrap that {@link IdentityServices}' Javadoc shows and the CLI's StorageOptions does, so that it cannot rot. */
class BootstrapExampleTest {

    @TempDir
    Path temporary;

    @Test
    void theDocumentedBootstrapWorks() {
        Path data = temporary.resolve("gatehouse-data");
        String databaseUrl = null;
        String email = "root@example.com";
        String aliasOrNull = "general";
        String rootPassword = "Correct-Horse-7";
        String name = "admin";
        try (JdbcStore store = JdbcStore.open(StoreSettings.of(databaseUrl, data))) {
            IdentityServices services = IdentityServices.create(store, new MasterKeySource(data).load(),
                    Clock.systemUTC());

            Account account = services.accounts().createAccount(email, aliasOrNull, rootPassword);
            AdministratorCredentials admin = services.users().createAdministrator(account.id(), UserName.of(name),
                    Origin.LOCAL);
            KeyRotationService.Rotation rotation = services.keyRotation().rotate(new MasterKeySource(data), Origin.LOCAL);

            assertThat(admin.accessKey().secret().reveal()).hasSize(40);
            assertThat(rotation.accessKeySecrets()).isEqualTo(1);
        }
        assertThat(data.resolve(StoreSettings.SQLITE_FILE_NAME)).exists();
        assertThat(data.resolve(MasterKeySource.FILE_NAME)).exists();
    }
}
