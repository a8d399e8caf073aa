package dev.gatehouse.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.error.LimitExceededException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.testing.Gatehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessKeyServiceTest {

    private final Gatehouse gatehouse = new Gatehouse();
    private final AccessKeyService keys = gatehouse.accessKeys;
    private Account account;

    @BeforeEach
    void createAnAccount() {
        account = gatehouse.accounts.createAccount("root@example.com", null, "Correct-Horse-7");
    }

    @Test
    void storesTheSecretSealedAndOpensItForSigning() {
        NewAccessKey created = keys.createAccessKey(account.root(), Origin.LOCAL);
        assertThat(created.key().sealedSecret().ciphertext()).doesNotContain(created.secret().reveal());
        assertThat(created.toString()).doesNotContain(created.secret().reveal());
        assertThat(keys.signingKey(created.key().id()).orElseThrow().secret()).isEqualTo(created.secret());
    }

    @Test
    void allowsTwoKeysPerPrincipal() {
        keys.createAccessKey(account.root(), Origin.LOCAL);
        keys.createAccessKey(account.root(), Origin.LOCAL);
        assertThatThrownBy(() -> keys.createAccessKey(account.root(), Origin.LOCAL))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void anInactiveKeyDoesNotSign() {
        NewAccessKey created = keys.createAccessKey(account.root(), Origin.LOCAL);
        keys.updateAccessKey(account.root(), created.key().id(), AccessKeyStatus.INACTIVE, Origin.LOCAL);
        assertThat(keys.signingKey(created.key().id())).isEmpty();
        keys.updateAccessKey(account.root(), created.key().id(), AccessKeyStatus.ACTIVE, Origin.LOCAL);
        assertThat(keys.signingKey(created.key().id())).isPresent();
    }

    @Test
    void recordsTheLastUse() {
        NewAccessKey created = keys.createAccessKey(account.root(), Origin.LOCAL);
        keys.recordUse(created.key().id(), "us-east-1", "iam");
        AccessKey used = keys.listAccessKeys(account.root()).get(0);
        assertThat(used.lastUsed()).contains(gatehouse.clock.instant());
        assertThat(used.lastUsedRegion()).isEqualTo("us-east-1");
        assertThat(used.lastUsedService()).isEqualTo("iam");
    }

    @Test
    void refusesToChangeAnotherPrincipalsKey() {
        NewAccessKey created = keys.createAccessKey(account.root(), Origin.LOCAL);
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT,
                dev.gatehouse.core.Tags.NONE, Origin.LOCAL);
        assertThatThrownBy(() -> keys.deleteAccessKey(bob.principal(), created.key().id(), Origin.LOCAL))
                .isInstanceOf(NoSuchEntityException.class);
    }
}
