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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;

class AccessKeyApiTest extends ApiTestCase {

    @BeforeEach
    void prepare() {
        admin.createUser(r -> r.userName("alice"));
    }

    @Test
    void createsAKeyWhoseSecretIsShownOnceAndWhichSigns() {
        AccessKey created = admin.createAccessKey(r -> r.userName("alice")).accessKey();

        assertThat(created.accessKeyId()).matches("AKIA[A-Z0-9]{16}");
        assertThat(created.secretAccessKey()).hasSize(40);
        assertThat(created.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(created.userName()).isEqualTo("alice");
        try (IamClient alice = api.iam(ApiServer.credentials(created))) {
            assertThat(alice.getUser().user().userName()).isEqualTo("alice");
        }
    }

    @Test
    void listsKeysWithoutSecretsAndPagesThem() {
        AccessKey first = admin.createAccessKey(r -> r.userName("alice")).accessKey();
        AccessKey second = admin.createAccessKey(r -> r.userName("alice")).accessKey();

        ListAccessKeysResponse one = admin.listAccessKeys(r -> r.userName("alice").maxItems(1));
        ListAccessKeysResponse two = admin.listAccessKeys(r -> r.userName("alice").maxItems(1).marker(one.marker()));

        assertThat(one.isTruncated()).isTrue();
        assertThat(two.isTruncated()).isFalse();
        assertThat(one.accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId).containsExactly(first.accessKeyId());
        assertThat(two.accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId).containsExactly(second.accessKeyId());
        assertThat(two.accessKeyMetadata().get(0).userName()).isEqualTo("alice");
    }

    @Test
    void refusesAThirdKeyWithLimitExceeded() {
        admin.createAccessKey(r -> r.userName("alice"));
        admin.createAccessKey(r -> r.userName("alice"));

        assertThatThrownBy(() -> admin.createAccessKey(r -> r.userName("alice")))
                .isInstanceOfSatisfying(LimitExceededException.class, error -> assertThat(error.statusCode()).isEqualTo(409));
    }

    @Test
    void answersNoSuchEntityForAnUnknownUserOrKey() {
        assertThatThrownBy(() -> admin.createAccessKey(r -> r.userName("nobody"))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> admin.listAccessKeys(r -> r.userName("nobody"))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> admin.updateAccessKey(r -> r.userName("alice").accessKeyId("AKIAAAAAAAAAAAAAAAAA")
                .status(StatusType.INACTIVE))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> admin.deleteAccessKey(r -> r.userName("alice").accessKeyId("AKIAAAAAAAAAAAAAAAAA")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> admin.getAccessKeyLastUsed(r -> r.accessKeyId("AKIAAAAAAAAAAAAAAAAA")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void refusesAnInactiveKeyAndAcceptsItOnceActiveAgain() {
        AccessKey key = admin.createAccessKey(r -> r.userName("alice")).accessKey();
        admin.updateAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));

        try (IamClient alice = api.iam(ApiServer.credentials(key))) {
            assertThatThrownBy(alice::getUser).isInstanceOfSatisfying(AwsServiceException.class, error -> {
                assertThat(error.statusCode()).isEqualTo(403);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            });
            assertThat(admin.listAccessKeys(r -> r.userName("alice")).accessKeyMetadata().get(0).status())
                    .isEqualTo(StatusType.INACTIVE);

            admin.updateAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));

            assertThat(alice.getUser().user().userName()).isEqualTo("alice");
        }
    }

    @Test
    void refusesADeletedKey() {
        AccessKey key = admin.createAccessKey(r -> r.userName("alice")).accessKey();
        admin.deleteAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()));

        assertThat(admin.listAccessKeys(r -> r.userName("alice")).accessKeyMetadata()).isEmpty();
        try (IamClient alice = api.iam(ApiServer.credentials(key))) {
            assertThatThrownBy(alice::getUser).isInstanceOfSatisfying(AwsServiceException.class,
                    error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    /** The server remembers callers for a few seconds; a change on this node must still count at once. */
    @Test
    void aKeyInUseStopsWorkingAtOnceWhenDeactivatedOrDeleted() {
        AccessKey key = admin.createAccessKey(r -> r.userName("alice")).accessKey();
        try (IamClient alice = api.iam(ApiServer.credentials(key))) {
            assertThat(alice.getUser().user().userName()).isEqualTo("alice");

            admin.updateAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
            assertThatThrownBy(alice::getUser).isInstanceOfSatisfying(AwsServiceException.class,
                    error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));

            admin.updateAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
            assertThat(alice.getUser().user().userName()).isEqualTo("alice");

            admin.deleteAccessKey(r -> r.userName("alice").accessKeyId(key.accessKeyId()));
            assertThatThrownBy(alice::getUser).isInstanceOfSatisfying(AwsServiceException.class,
                    error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void aUserRenamedWhileItsKeyIsInUseIsCalledByItsNewNameAtOnce() {
        AccessKey key = admin.createAccessKey(r -> r.userName("alice")).accessKey();
        try (IamClient alice = api.iam(ApiServer.credentials(key))) {
            assertThat(alice.getUser().user().userName()).isEqualTo("alice");

            admin.updateUser(r -> r.userName("alice").newUserName("alicia"));

            assertThat(alice.getUser().user().arn()).endsWith(":user/alicia");
        }
    }

    @Test
    void reportsNotApplicableForAKeyNeverUsed() {
        AccessKey key = admin.createAccessKey(r -> r.userName("alice")).accessKey();

        var answer = admin.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));

        assertThat(answer.userName()).isEqualTo("alice");
        assertThat(answer.accessKeyLastUsed().lastUsedDate()).isNull();
        assertThat(answer.accessKeyLastUsed().region()).isEqualTo("N/A");
        assertThat(answer.accessKeyLastUsed().serviceName()).isEqualTo("N/A");
    }

    @Test
    void recordsTheLastUseOfAKeyOnceFlushed() {
        AccessKey key = admin.createAccessKey(r -> r.userName("alice")).accessKey();
        try (StsClient alice = api.sts(ApiServer.credentials(key))) {
            alice.getCallerIdentity();
        }
        assertThat(admin.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed().region())
                .as("not written before the flush").isEqualTo("N/A");

        api.keyUses.flush();

        AccessKeyLastUsed lastUsed = admin.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed();
        assertThat(lastUsed.serviceName()).isEqualTo("sts");
        assertThat(lastUsed.region()).isEqualTo("us-east-1");
        assertThat(lastUsed.lastUsedDate()).isNotNull();
    }

    @Test
    void letsAUserManageItsOwnKeysButNotAnothersWithAwsMessage() {
        NewAccessKey bobKey = userWithKey("bob");
        try (IamClient bob = api.iam(ApiServer.credentials(bobKey))) {
            AccessKey second = bob.createAccessKey().accessKey();
            assertThat(second.userName()).isEqualTo("bob");
            assertThat(bob.listAccessKeys().accessKeyMetadata()).hasSize(2);
            bob.updateAccessKey(r -> r.accessKeyId(second.accessKeyId()).status(StatusType.INACTIVE));
            assertThat(bob.getAccessKeyLastUsed(r -> r.accessKeyId(second.accessKeyId())).userName()).isEqualTo("bob");
            bob.deleteAccessKey(r -> r.accessKeyId(second.accessKeyId()));

            AccessKey alices = admin.createAccessKey(r -> r.userName("alice")).accessKey();
            assertThatThrownBy(() -> bob.listAccessKeys(r -> r.userName("alice"))).isInstanceOfSatisfying(
                    AwsServiceException.class, error -> {
                        assertThat(error.statusCode()).isEqualTo(403);
                        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + api.account.id()
                                + ":user/bob is not authorized to perform: iam:ListAccessKeys on resource: arn:aws:iam::"
                                + api.account.id() + ":user/alice");
                    });
            assertThatThrownBy(() -> bob.deleteAccessKey(r -> r.userName("alice").accessKeyId(alices.accessKeyId())))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            assertThatThrownBy(() -> bob.getAccessKeyLastUsed(r -> r.accessKeyId(alices.accessKeyId())))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void keepsEachAccountsKeysToItself() {
        AccessKey alices = admin.createAccessKey(r -> r.userName("alice")).accessKey();
        Account other = api.services.accounts().createAccount("other@example.com", "other", "Correct-Horse-Battery-9");
        NewAccessKey otherAdmin = api.services.users().createAdministrator(other.id(), UserName.of("admin"), Origin.LOCAL).accessKey();

        try (IamClient stranger = api.iam(ApiServer.credentials(otherAdmin))) {
            assertThatThrownBy(() -> stranger.listAccessKeys(r -> r.userName("alice"))).isInstanceOf(NoSuchEntityException.class);
            assertThatThrownBy(() -> stranger.getAccessKeyLastUsed(r -> r.accessKeyId(alices.accessKeyId())))
                    .isInstanceOf(NoSuchEntityException.class);
        }
    }

    @Test
    void letsTheRootUserManageItsOwnKeysWithoutAUserName() {
        NewAccessKey rootKey = api.services.accessKeys().createAccessKey(api.account.root(), Origin.LOCAL);
        try (IamClient root = api.iam(ApiServer.credentials(rootKey))) {
            AccessKey second = root.createAccessKey().accessKey();

            assertThat(second.userName()).as("the root user has no IAM user name").isNull();
            assertThat(root.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                    .containsExactly(rootKey.key().id().value(), second.accessKeyId());
            root.deleteAccessKey(r -> r.accessKeyId(second.accessKeyId()));
            assertThat(root.listAccessKeys().accessKeyMetadata()).hasSize(1);
        }
        assertThat(admin.listAccessKeys(r -> r.userName("alice")).accessKeyMetadata()).as("nothing of root's").isEmpty();
    }

    private NewAccessKey userWithKey(String name) {
        IamUser user = api.services.users().createUser(api.account.id(), UserName.of(name), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        return api.services.accessKeys().createAccessKey(user.principal(), Origin.LOCAL);
    }
}
