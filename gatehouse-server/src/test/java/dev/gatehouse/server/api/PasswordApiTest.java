package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.core.user.UserName;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.InvalidUserTypeException;
import software.amazon.awssdk.services.iam.model.LoginProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.PasswordPolicyViolationException;

class PasswordApiTest {

    private static final String STRONG = "Correct-Horse-Battery-1";

    @TempDir
    Path data;

    private ApiServer api;
    private IamClient admin;
    private IamUser bob;
    private NewAccessKey bobKey;

    @BeforeEach
    void start() {
        api = new ApiServer(data);
        admin = api.iam(ApiServer.credentials(api.administratorKey));
        bob = api.services.users().createUser(api.account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        bobKey = api.services.accessKeys().createAccessKey(bob.principal(), Origin.LOCAL);
    }

    @AfterEach
    void stop() {
        admin.close();
        api.close();
    }

    @Test
    void createsGetsUpdatesAndDeletesALoginProfile() {
        LoginProfile created = admin.createLoginProfile(r -> r.userName("bob").password(STRONG).passwordResetRequired(true))
                .loginProfile();
        assertThat(created.userName()).isEqualTo("bob");
        assertThat(created.passwordResetRequired()).isTrue();
        assertThat(created.createDate()).isNotNull();

        admin.updateLoginProfile(r -> r.userName("bob").password("Another-Horse-Battery-2").passwordResetRequired(false));
        assertThat(admin.getLoginProfile(r -> r.userName("bob")).loginProfile().passwordResetRequired()).isFalse();
        assertThat(api.services.hasher().verify(Password.of("Another-Horse-Battery-2"),
                api.services.passwords().findLoginProfile(bob.principal()).orElseThrow().passwordHash())).isTrue();

        admin.updateLoginProfile(r -> r.userName("bob").passwordResetRequired(true));
        assertThat(admin.getLoginProfile(r -> r.userName("bob")).loginProfile().passwordResetRequired()).isTrue();

        admin.deleteLoginProfile(r -> r.userName("bob"));
        assertThatThrownBy(() -> admin.getLoginProfile(r -> r.userName("bob")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, error -> assertThat(error.statusCode()).isEqualTo(404));
    }

    @Test
    void answersEveryLoginProfileErrorAsAws() {
        admin.createLoginProfile(r -> r.userName("bob").password(STRONG));

        assertThatThrownBy(() -> admin.createLoginProfile(r -> r.userName("bob").password(STRONG)))
                .isInstanceOfSatisfying(EntityAlreadyExistsException.class, error -> assertThat(error.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> admin.createLoginProfile(r -> r.userName("nobody").password(STRONG)))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> admin.updateLoginProfile(r -> r.userName("admin").password(STRONG)))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> admin.deleteLoginProfile(r -> r.userName("admin"))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> admin.updateLoginProfile(r -> r.userName("bob").password("weak")))
                .isInstanceOfSatisfying(PasswordPolicyViolationException.class,
                        error -> assertThat(error.statusCode()).isEqualTo(400));
    }

    @Test
    void refusesAWeakPasswordWithPasswordPolicyViolation() {
        assertThatThrownBy(() -> admin.createLoginProfile(r -> r.userName("bob").password("password")))
                .isInstanceOfSatisfying(PasswordPolicyViolationException.class, error -> {
                    assertThat(error.statusCode()).isEqualTo(400);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("PasswordPolicyViolation");
                });
    }

    @Test
    void letsAUserChangeItsOwnPasswordButNotWithTheWrongOldOne() {
        admin.createLoginProfile(r -> r.userName("bob").password(STRONG));
        try (IamClient asBob = api.iam(ApiServer.credentials(bobKey))) {
            assertThat(asBob.getLoginProfile(r -> { }).loginProfile().userName()).isEqualTo("bob");

            asBob.changePassword(r -> r.oldPassword(STRONG).newPassword("Changed-Horse-Battery-3"));
            assertThat(api.services.hasher().verify(Password.of("Changed-Horse-Battery-3"),
                    api.services.passwords().findLoginProfile(bob.principal()).orElseThrow().passwordHash())).isTrue();

            assertThatThrownBy(() -> asBob.changePassword(r -> r.oldPassword(STRONG).newPassword("Changed-Horse-Battery-4")))
                    .isInstanceOfSatisfying(AwsServiceException.class, error -> {
                        assertThat(error.statusCode()).isEqualTo(403);
                        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
            assertThatThrownBy(() -> asBob.changePassword(r -> r.oldPassword("Changed-Horse-Battery-3").newPassword("weak")))
                    .isInstanceOf(PasswordPolicyViolationException.class);
        }
    }

    @Test
    void deniesAUserAnotherUsersPasswordWithAwsMessage() {
        admin.createUser(r -> r.userName("alice"));
        admin.createLoginProfile(r -> r.userName("alice").password(STRONG));
        try (IamClient asBob = api.iam(ApiServer.credentials(bobKey))) {
            assertThatThrownBy(() -> asBob.getLoginProfile(r -> r.userName("alice"))).isInstanceOfSatisfying(
                    AwsServiceException.class, error -> {
                        assertThat(error.statusCode()).isEqualTo(403);
                        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + api.account.id()
                                + ":user/bob is not authorized to perform: iam:GetLoginProfile on resource: arn:aws:iam::"
                                + api.account.id() + ":user/alice");
                    });
            assertThatThrownBy(() -> asBob.updateLoginProfile(r -> r.userName("alice").password("Stolen-Horse-Battery-5")))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            assertThatThrownBy(() -> asBob.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(6)))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void refusesChangePasswordForTheRootUserWithInvalidUserType() {
        NewAccessKey rootKey = api.services.accessKeys().createAccessKey(api.account.root(), Origin.LOCAL);
        try (IamClient root = api.iam(ApiServer.credentials(rootKey))) {
            assertThatThrownBy(() -> root.changePassword(r -> r.oldPassword("Correct-Horse-Battery-9").newPassword(STRONG)))
                    .isInstanceOfSatisfying(InvalidUserTypeException.class, error -> assertThat(error.statusCode()).isEqualTo(400));
        }
    }

    @Test
    void setsReadsAndDeletesTheAccountPasswordPolicy() {
        assertThatThrownBy(admin::getAccountPasswordPolicy)
                .as("none set yet, as AWS").isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(admin::deleteAccountPasswordPolicy).isInstanceOf(NoSuchEntityException.class);

        admin.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(20).requireSymbols(true).requireNumbers(true)
                .maxPasswordAge(90).passwordReusePrevention(3));

        PasswordPolicy policy = admin.getAccountPasswordPolicy().passwordPolicy();
        assertThat(policy.minimumPasswordLength()).isEqualTo(20);
        assertThat(policy.requireSymbols()).isTrue();
        assertThat(policy.requireNumbers()).isTrue();
        assertThat(policy.requireUppercaseCharacters()).isFalse();
        assertThat(policy.expirePasswords()).isTrue();
        assertThat(policy.maxPasswordAge()).isEqualTo(90);
        assertThat(policy.passwordReusePrevention()).isEqualTo(3);
        assertThatThrownBy(() -> admin.createLoginProfile(r -> r.userName("bob").password("Short-Horse-1")))
                .as("shorter than 20").isInstanceOf(PasswordPolicyViolationException.class);
        try (IamClient asBob = api.iam(ApiServer.credentials(bobKey))) {
            assertThat(asBob.getAccountPasswordPolicy().passwordPolicy().minimumPasswordLength()).isEqualTo(20);
        }

        admin.deleteAccountPasswordPolicy();

        assertThatThrownBy(admin::getAccountPasswordPolicy).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void storesAndShowsWhetherUsersMayChangeTheirPasswordAndTheHardExpiry() {
        admin.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8));
        PasswordPolicy defaults = admin.getAccountPasswordPolicy().passwordPolicy();
        assertThat(defaults.allowUsersToChangePassword()).as("AWS's default when omitted").isFalse();
        assertThat(defaults.hardExpiry()).isFalse();

        admin.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).allowUsersToChangePassword(true)
                .maxPasswordAge(30).hardExpiry(true));

        PasswordPolicy policy = admin.getAccountPasswordPolicy().passwordPolicy();
        assertThat(policy.allowUsersToChangePassword()).isTrue();
        assertThat(policy.hardExpiry()).isTrue();
    }

    @Test
    void refusesChangePasswordToUsersWhenThePolicyDoesNotAllowItButNotToAdministrators() {
        admin.createLoginProfile(r -> r.userName("bob").password(STRONG));
        admin.createLoginProfile(r -> r.userName("admin").password(STRONG));
        admin.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).allowUsersToChangePassword(false));
        String account = api.account.id().value();

        try (IamClient asBob = api.iam(ApiServer.credentials(bobKey))) {
            assertThatThrownBy(() -> asBob.changePassword(r -> r.oldPassword(STRONG).newPassword("Changed-Horse-Battery-3")))
                    .isInstanceOfSatisfying(AwsServiceException.class, error -> {
                        assertThat(error.statusCode()).isEqualTo(403);
                        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + account
                                + ":user/bob is not authorized to perform: iam:ChangePassword on resource: arn:aws:iam::"
                                + account + ":user/bob");
                    });
            assertThat(api.services.hasher().verify(Password.of(STRONG),
                    api.services.passwords().findLoginProfile(bob.principal()).orElseThrow().passwordHash())).isTrue();

            admin.changePassword(r -> r.oldPassword(STRONG).newPassword("Changed-Horse-Battery-4"));

            admin.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).allowUsersToChangePassword(true));
            asBob.changePassword(r -> r.oldPassword(STRONG).newPassword("Changed-Horse-Battery-5"));
        }
    }

    @Test
    void changesAnExpiredPasswordUnderAHardExpiryThroughTheApiAsAwsDoes() {
        setPasswordDaysAgo(bob, STRONG, 31);
        admin.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).allowUsersToChangePassword(true)
                .maxPasswordAge(30).hardExpiry(true));

        try (IamClient asBob = api.iam(ApiServer.credentials(bobKey))) {
            // HardExpiry closes the console until an administrator resets the password; a user with an
            // access key may still replace its own expired password through the API, as on AWS.
            asBob.changePassword(r -> r.oldPassword(STRONG).newPassword("Changed-Horse-Battery-3"));
        }
        assertThat(api.services.hasher().verify(Password.of("Changed-Horse-Battery-3"),
                api.services.passwords().findLoginProfile(bob.principal()).orElseThrow().passwordHash())).isTrue();
    }

    /** A password set that long ago; the API itself stays at the real time, which the SDK signs with. */
    private void setPasswordDaysAgo(IamUser user, String password, int days) {
        api.clock.advance(Duration.ofDays(-days));
        try {
            api.services.passwords().createLoginProfile(user.principal(), Password.of(password), false, Origin.LOCAL);
        } finally {
            api.clock.advance(Duration.ofDays(days));
        }
    }

    @Test
    void refusesAPolicyOutsideTheModelsRanges() {
        assertThatThrownBy(() -> admin.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(2)))
                .isInstanceOfSatisfying(AwsServiceException.class, error -> {
                    assertThat(error.statusCode()).isEqualTo(400);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                });
    }
}
