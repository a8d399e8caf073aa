package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.core.user.UserName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;

class UserApiTest extends ApiTestCase {


    @Test
    void createsGetsListsAndDeletesUsers() {
        User created = admin.createUser(r -> r.userName("alice").path("/engineering/")).user();

        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + api.account.id() + ":user/engineering/alice");
        assertThat(created.userId()).matches("AIDA[A-Z0-9]{16,17}");
        assertThat(admin.getUser(r -> r.userName("alice")).user().userId()).isEqualTo(created.userId());
        assertThat(admin.listUsers().users()).extracting(User::userName).containsExactly("admin", "alice");

        admin.deleteUser(r -> r.userName("alice"));

        assertThatThrownBy(() -> admin.getUser(r -> r.userName("alice"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void refusesADuplicateNameWhateverItsCase() {
        admin.createUser(r -> r.userName("alice"));

        assertThatThrownBy(() -> admin.createUser(r -> r.userName("ALICE")))
                .isInstanceOfSatisfying(EntityAlreadyExistsException.class, error -> assertThat(error.statusCode()).isEqualTo(409));
    }

    @Test
    void pagesWithMarkerAndMaxItems() {
        for (String name : new String[] {"b", "c", "d"}) {
            admin.createUser(r -> r.userName(name));
        }

        ListUsersResponse first = admin.listUsers(r -> r.maxItems(2));
        ListUsersResponse second = admin.listUsers(r -> r.maxItems(2).marker(first.marker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(first.users()).extracting(User::userName).containsExactly("admin", "b");
        assertThat(second.users()).extracting(User::userName).containsExactly("c", "d");
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void answersGetUserWithoutANameWithTheCaller() {
        assertThat(admin.getUser().user().userName()).isEqualTo("admin");
    }

    @Test
    void tellsEveryCallerWhoItIs() {
        try (StsClient sts = api.sts(ApiServer.credentials(api.administratorKey))) {
            var identity = sts.getCallerIdentity();

            assertThat(identity.account()).isEqualTo(api.account.id().toString());
            assertThat(identity.arn()).isEqualTo("arn:aws:iam::" + api.account.id() + ":user/admin");
            assertThat(identity.userId()).startsWith("AIDA");
        }
    }

    @Test
    void deniesAnOrdinaryUserTheAdministrationWithAwsMessage() {
        NewAccessKey bobKey = userWithKey("bob");
        try (IamClient bob = api.iam(ApiServer.credentials(bobKey))) {
            assertThatThrownBy(bob::listUsers).isInstanceOfSatisfying(AwsServiceException.class, error -> {
                assertThat(error.statusCode()).isEqualTo(403);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + api.account.id()
                        + ":user/bob is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::"
                        + api.account.id() + ":user/");
            });
            assertThat(bob.getUser().user().userName()).isEqualTo("bob");
            assertThatThrownBy(() -> bob.getUser(r -> r.userName("admin"))).isInstanceOfSatisfying(AwsServiceException.class,
                    error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void keepsEachAccountsUsersToItself() {
        Account other = api.services.accounts().createAccount("other@example.com", "other", "Correct-Horse-Battery-9");
        NewAccessKey otherAdmin = api.services.users().createAdministrator(other.id(), UserName.of("admin"), Origin.LOCAL).accessKey();
        admin.createUser(r -> r.userName("alice"));

        try (IamClient stranger = api.iam(ApiServer.credentials(otherAdmin))) {
            assertThat(stranger.listUsers().users()).extracting(User::userName).containsExactly("admin");
            assertThatThrownBy(() -> stranger.getUser(r -> r.userName("alice"))).isInstanceOf(NoSuchEntityException.class);
        }
    }

    private NewAccessKey userWithKey(String name) {
        IamUser user = api.services.users().createUser(api.account.id(), UserName.of(name), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        return api.services.accessKeys().createAccessKey(user.principal(), Origin.LOCAL);
    }
}
