package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** UpdateUser, the user tag actions, and DeleteUser's conflicts. */
class UserChangesApiTest extends ApiTestCase {

    @BeforeEach
    void prepare() {
        admin.createUser(r -> r.userName("alice"));
    }

    @Test
    void renamesAndMovesAUserWhoKeepsItsKeys() {
        String userId = admin.getUser(r -> r.userName("alice")).user().userId();
        var key = admin.createAccessKey(r -> r.userName("alice")).accessKey();

        admin.updateUser(r -> r.userName("alice").newUserName("alicia").newPath("/staff/"));

        User renamed = admin.getUser(r -> r.userName("alicia")).user();
        assertThat(renamed.userId()).isEqualTo(userId);
        assertThat(renamed.arn()).isEqualTo("arn:aws:iam::" + api.account.id() + ":user/staff/alicia");
        assertThatThrownBy(() -> admin.getUser(r -> r.userName("alice"))).isInstanceOf(NoSuchEntityException.class);
        try (IamClient alicia = api.iam(ApiServer.credentials(key))) {
            assertThat(alicia.getUser().user().userName()).isEqualTo("alicia");
        }
    }

    @Test
    void refusesARenameOntoATakenNameAndAnUnknownUser() {
        assertThatThrownBy(() -> admin.updateUser(r -> r.userName("alice").newUserName("ADMIN")))
                .isInstanceOfSatisfying(EntityAlreadyExistsException.class, error -> assertThat(error.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> admin.updateUser(r -> r.userName("nobody").newUserName("somebody")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, error -> assertThat(error.statusCode()).isEqualTo(404));
    }

    @Test
    void tagsUntagsAndListsTagsInPages() {
        admin.tagUser(r -> r.userName("alice").tags(tag("team", "red"), tag("cost", "42"), tag("owner", "bob")));
        admin.tagUser(r -> r.userName("alice").tags(tag("team", "blue")));

        ListUserTagsResponse first = admin.listUserTags(r -> r.userName("alice").maxItems(2));
        ListUserTagsResponse second = admin.listUserTags(r -> r.userName("alice").maxItems(2).marker(first.marker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(first.tags()).containsExactly(tag("cost", "42"), tag("owner", "bob"));
        assertThat(second.tags()).containsExactly(tag("team", "blue"));
        assertThat(second.isTruncated()).isFalse();

        admin.untagUser(r -> r.userName("alice").tagKeys("cost", "never-set"));

        assertThat(admin.listUserTags(r -> r.userName("alice")).tags()).containsExactly(tag("owner", "bob"), tag("team", "blue"));
        assertThat(admin.getUser(r -> r.userName("alice")).user().tags()).hasSize(2);
    }

    @Test
    void answersTheTagErrorsAsAws() {
        assertThatThrownBy(() -> admin.tagUser(r -> r.userName("nobody").tags(tag("a", "b"))))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> admin.untagUser(r -> r.userName("nobody").tagKeys("a")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> admin.listUserTags(r -> r.userName("nobody"))).isInstanceOf(NoSuchEntityException.class);
        admin.tagUser(r -> r.userName("alice").tags(IntStream.range(0, 30).mapToObj(i -> tag("first-" + i, "v")).toList()));
        assertThatThrownBy(() -> admin.tagUser(r -> r.userName("alice")
                .tags(IntStream.range(0, 30).mapToObj(i -> tag("second-" + i, "v")).toList())))
                .as("over 50 in all").isInstanceOfSatisfying(AwsServiceException.class, error -> {
                    assertThat(error.statusCode()).isEqualTo(400);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
                });
    }

    @Test
    void letsAUserReadItsOwnTagsButNotChangeThemOrReadAnothers() {
        IamUser bob = api.services.users().createUser(api.account.id(), UserName.of("bob"), IamPath.ROOT,
                Tags.of(java.util.Map.of("team", "red")), Origin.LOCAL);
        NewAccessKey bobKey = api.services.accessKeys().createAccessKey(bob.principal(), Origin.LOCAL);
        try (IamClient asBob = api.iam(ApiServer.credentials(bobKey))) {
            assertThat(asBob.listUserTags(r -> r.userName("bob")).tags()).containsExactly(tag("team", "red"));
            assertThatThrownBy(() -> asBob.tagUser(r -> r.userName("bob").tags(tag("team", "blue"))))
                    .isInstanceOfSatisfying(AwsServiceException.class, error -> {
                        assertThat(error.statusCode()).isEqualTo(403);
                        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + api.account.id()
                                + ":user/bob is not authorized to perform: iam:TagUser on resource: arn:aws:iam::"
                                + api.account.id() + ":user/bob");
                    });
            assertThatThrownBy(() -> asBob.listUserTags(r -> r.userName("alice"))).isInstanceOfSatisfying(
                    AwsServiceException.class, error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            assertThatThrownBy(() -> asBob.updateUser(r -> r.userName("bob").newUserName("robert"))).isInstanceOfSatisfying(
                    AwsServiceException.class, error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void refusesToDeleteAUserWithAPasswordKeysOrAnMfaDeviceUntilTheyAreGone() {
        admin.createLoginProfile(r -> r.userName("alice").password("Correct-Horse-Battery-1"));
        String keyId = admin.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();
        IamUser alice = api.services.users().getUser(api.account.id(), UserName.of("alice"));
        NewVirtualMfaDevice device = api.services.mfaDevices().createVirtualMfaDevice(api.account.id(), IamPath.ROOT,
                DeviceName.of("alice-phone"), Tags.NONE, Origin.LOCAL);
        TotpGenerator totp = new TotpGenerator(TotpParameters.AWS_DEFAULT);
        long step = TotpParameters.AWS_DEFAULT.stepAt(api.clock.instant());
        api.services.mfaDevices().enableMfaDevice(alice.principal(), device.device().serial(),
                totp.generateOneTimePasswordAtStep(device.seed(), step - 1),
                totp.generateOneTimePasswordAtStep(device.seed(), step), Origin.LOCAL);

        assertDeleteConflict("login profile");
        admin.deleteLoginProfile(r -> r.userName("alice"));
        assertDeleteConflict("access keys");
        admin.deleteAccessKey(r -> r.userName("alice").accessKeyId(keyId));
        assertDeleteConflict("MFA devices");
        api.services.mfaDevices().deactivateMfaDevice(alice.principal(), device.device().serial(), Origin.LOCAL);

        admin.deleteUser(r -> r.userName("alice"));

        assertThatThrownBy(() -> admin.getUser(r -> r.userName("alice"))).isInstanceOf(NoSuchEntityException.class);
    }

    private void assertDeleteConflict(String remaining) {
        assertThatThrownBy(() -> admin.deleteUser(r -> r.userName("alice"))).isInstanceOfSatisfying(DeleteConflictException.class,
                error -> {
                    assertThat(error.statusCode()).isEqualTo(409);
                    assertThat(error.awsErrorDetails().errorMessage()).contains(remaining);
                });
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
