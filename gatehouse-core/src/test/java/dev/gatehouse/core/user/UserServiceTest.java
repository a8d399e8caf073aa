package dev.gatehouse.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountQuota;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.DeleteConflictException;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.LimitExceededException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.testing.Gatehouse;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    private final Gatehouse gatehouse = new Gatehouse();
    private final UserService users = gatehouse.users;
    private Account account;

    @BeforeEach
    void createAnAccount() {
        account = gatehouse.accounts.createAccount("root@example.com", null, "Correct-Horse-7");
    }

    @Test
    void createsAUserWithAnAwsIdAndArn() {
        IamUser user = users.createUser(account.id(), UserName.of("alice"), new IamPath("/staff/"), Tags.NONE,
                Origin.LOCAL);
        assertThat(user.id().value()).startsWith("AIDA");
        assertThat(user.arn()).isEqualTo("arn:aws:iam::" + account.id() + ":user/staff/alice");
        assertThat(users.getUser(account.id(), UserName.of("ALICE"))).isEqualTo(user);
    }

    @Test
    void refusesANameTakenInAnyCase() {
        users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        assertThatThrownBy(() -> users.createUser(account.id(), UserName.of("Alice"), IamPath.ROOT, Tags.NONE,
                Origin.LOCAL)).isInstanceOf(EntityAlreadyExistsException.class);
    }

    @Test
    void refusesAUserBeyondTheAccountQuotaAsAwsDoes() {
        for (int i = 0; i < AccountQuota.USERS.limit(); i++) {
            users.createUser(account.id(), UserName.of("user-" + i), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        }
        assertThatThrownBy(() -> users.createUser(account.id(), UserName.of("one-more"), IamPath.ROOT, Tags.NONE,
                Origin.LOCAL)).isInstanceOf(LimitExceededException.class)
                .hasMessage("Cannot exceed quota for UsersPerAccount: 5000");

        users.deleteUser(account.id(), UserName.of("user-0"), Origin.LOCAL);
        users.createUser(account.id(), UserName.of("one-more"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        Account other = gatehouse.accounts.createAccount("other@example.com", null, "Correct-Horse-7");
        users.createUser(other.id(), UserName.of("user-0"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
    }

    @Test
    void allowsTheSameNameInAnotherAccount() {
        Account other = gatehouse.accounts.createAccount("other@example.com", null, "Correct-Horse-7");
        users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        users.createUser(other.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
    }

    @Test
    void createsAnAdministratorWithAnAccessKey() {
        AdministratorCredentials admin = users.createAdministrator(account.id(), UserName.of("admin"), Origin.LOCAL);
        assertThat(admin.user().administrator()).isTrue();
        assertThat(admin.accessKey().key().id().value()).startsWith("AKIA");
        assertThat(admin.accessKey().secret().reveal()).hasSize(40);
        assertThat(gatehouse.accessKeys.signingKey(admin.accessKey().key().id()).orElseThrow().secret())
                .isEqualTo(admin.accessKey().secret());
    }

    @Test
    void writesNothingWhenTheAdministratorCannotBeCreated() {
        users.createUser(account.id(), UserName.of("admin"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        assertThatThrownBy(() -> users.createAdministrator(account.id(), UserName.of("Admin"), Origin.LOCAL))
                .isInstanceOf(EntityAlreadyExistsException.class);
        assertThat(users.listUsers(account.id(), Optional.empty(), 100).items()).hasSize(1);
    }

    @Test
    void listsUsersByNameInPages() {
        for (String name : new String[] {"carol", "Alice", "bob"}) {
            users.createUser(account.id(), UserName.of(name), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        }
        Page<IamUser> first = users.listUsers(account.id(), Optional.empty(), 2);
        assertThat(first.items()).extracting(user -> user.name().value()).containsExactly("Alice", "bob");
        Page<IamUser> second = users.listUsers(account.id(), first.nextMarker(), 2);
        assertThat(second.items()).extracting(user -> user.name().value()).containsExactly("carol");
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void refusesToDeleteAUserWhoStillHasCredentials() {
        IamUser user = users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        gatehouse.passwords.createLoginProfile(user.principal(), Password.of("Correct-Horse-7"), false, Origin.LOCAL);
        NewAccessKey key = gatehouse.accessKeys.createAccessKey(user.principal(), Origin.LOCAL);
        assertThatThrownBy(() -> users.deleteUser(account.id(), user.name(), Origin.LOCAL))
                .isInstanceOf(DeleteConflictException.class);
        gatehouse.passwords.deleteLoginProfile(user.principal(), Origin.LOCAL);
        assertThatThrownBy(() -> users.deleteUser(account.id(), user.name(), Origin.LOCAL))
                .isInstanceOf(DeleteConflictException.class);
        gatehouse.accessKeys.deleteAccessKey(user.principal(), key.key().id(), Origin.LOCAL);
        users.deleteUser(account.id(), user.name(), Origin.LOCAL);
        assertThatThrownBy(() -> users.getUser(account.id(), user.name())).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void renamesAndMovesAUserKeepingItsId() {
        IamUser alice = users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);

        IamUser renamed = users.updateUser(account.id(), UserName.of("alice"), Optional.of(UserName.of("alicia")),
                Optional.of(new IamPath("/staff/")), Origin.LOCAL);

        assertThat(renamed.id()).isEqualTo(alice.id());
        assertThat(renamed.arn()).isEqualTo("arn:aws:iam::" + account.id() + ":user/staff/alicia");
        assertThat(users.getUser(account.id(), UserName.of("alicia"))).isEqualTo(renamed);
        assertThatThrownBy(() -> users.getUser(account.id(), UserName.of("alice"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void refusesToRenameOntoAnotherUsersNameInAnyCase() {
        users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);

        assertThatThrownBy(() -> users.updateUser(account.id(), UserName.of("bob"), Optional.of(UserName.of("ALICE")),
                Optional.empty(), Origin.LOCAL)).isInstanceOf(EntityAlreadyExistsException.class);
        assertThat(users.updateUser(account.id(), UserName.of("bob"), Optional.of(UserName.of("Bob")), Optional.empty(),
                Origin.LOCAL).name().value()).as("a change of case only").isEqualTo("Bob");
    }

    @Test
    void untagsOnlyTheNamedKeys() {
        users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.of(java.util.Map.of("team", "a", "cost", "1")),
                Origin.LOCAL);

        Tags left = users.untagUser(account.id(), UserName.of("alice"), java.util.List.of("cost", "absent"));

        assertThat(left.values()).containsOnlyKeys("team");
        assertThat(users.getUser(account.id(), UserName.of("alice")).tags()).isEqualTo(left);
    }
}
