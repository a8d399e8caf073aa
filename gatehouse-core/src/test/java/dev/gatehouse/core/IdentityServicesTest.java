package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.MasterKey;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.core.user.AdministratorCredentials;
import dev.gatehouse.core.user.UserName;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class IdentityServicesTest {

    @Test
    void wiresTheProductionServicesWithOwaspPasswordHashing() {
        IdentityServices services = IdentityServices.create(new InMemoryStore(),
                KeyRing.of(MasterKey.generate(new SecureRandom())), Clock.systemUTC());
        Account account = services.accounts().createAccount("root@example.com", "general", "Correct-Horse-7");
        AdministratorCredentials admin = services.users().createAdministrator(account.id(), UserName.of("admin"),
                Origin.LOCAL);

        assertThat(services.passwords().findLoginProfile(account.root()).orElseThrow().passwordHash().phc())
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(services.signIn().signInRoot("root@example.com", Password.of("Correct-Horse-7"), Origin.LOCAL)
                .outcome()).isEqualTo(SignInOutcome.SIGNED_IN);
        assertThat(services.accessKeys().signingKey(admin.accessKey().key().id())).isPresent();
        assertThat(services.credentialReports().generate(account.id()).rows()).hasSize(2);
    }
}
