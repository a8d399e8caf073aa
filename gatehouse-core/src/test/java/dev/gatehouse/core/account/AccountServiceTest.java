package dev.gatehouse.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.error.PasswordPolicyViolationException;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.testing.Gatehouse;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    private final Gatehouse gatehouse = new Gatehouse();
    private final AccountService accounts = gatehouse.accounts;

    @Test
    void createsAnAccountWithARootPassword() {
        Account account = accounts.createAccount("root@example.com", "general", "Correct-Horse-7");
        assertThat(account.id().value()).matches("\\d{12}");
        assertThat(account.aliasIfAny()).contains(AccountAlias.of("general"));
        assertThat(gatehouse.passwords.findLoginProfile(account.root())).isPresent();
        assertThat(accounts.resolve("general")).isEqualTo(account);
        assertThat(accounts.resolve(account.id().value())).isEqualTo(account);
    }

    @Test
    void refusesAnEmailAddressTakenInAnyCase() {
        accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        assertThatThrownBy(() -> accounts.createAccount("ROOT@example.com", null, "Correct-Horse-7"))
                .isInstanceOf(EntityAlreadyExistsException.class);
    }

    @Test
    void refusesAnAliasTakenByAnotherAccount() {
        accounts.createAccount("one@example.com", "general", "Correct-Horse-7");
        assertThatThrownBy(() -> accounts.createAccount("two@example.com", "general", "Correct-Horse-7"))
                .isInstanceOf(EntityAlreadyExistsException.class);
        Account two = accounts.createAccount("two@example.com", "production", "Correct-Horse-7");
        assertThatThrownBy(() -> accounts.setAlias(two.id(), AccountAlias.of("general"), Origin.LOCAL))
                .isInstanceOf(EntityAlreadyExistsException.class);
    }

    @Test
    void writesNothingWhenThePasswordIsTooWeak() {
        assertThatThrownBy(() -> accounts.createAccount("root@example.com", "general", "password"))
                .isInstanceOf(PasswordPolicyViolationException.class);
        assertThat(accounts.listAccounts()).isEmpty();
        accounts.createAccount("root@example.com", "general", "Correct-Horse-7");
    }

    @Test
    void rejectsMalformedInputWithValidationError() {
        assertThatThrownBy(() -> accounts.createAccount("not-an-address", null, "Correct-Horse-7"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> accounts.createAccount("root@example.com", "Bad_Alias", "Correct-Horse-7"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void summarisesTheRootUsersSecurityAsTheDashboardReadsIt() {
        Account account = accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        assertThat(accounts.getAccountSummary(account.id())).isEqualTo(new AccountSummary(false, false, true, 0, 0, 0));
        gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        gatehouse.accessKeys.createAccessKey(account.root(), Origin.LOCAL);
        gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT, DeviceName.of("spare"), Tags.NONE,
                Origin.LOCAL);
        NewVirtualMfaDevice device = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.ROOT_ACCOUNT_MFA_DEVICE, Tags.NONE, Origin.LOCAL);
        TotpGenerator totp = new TotpGenerator(TotpParameters.AWS_DEFAULT);
        long step = TotpParameters.AWS_DEFAULT.stepAt(gatehouse.clock.instant());
        gatehouse.mfaDevices.enableMfaDevice(account.root(), device.device().serial(),
                totp.generateOneTimePasswordAtStep(device.seed(), step - 1),
                totp.generateOneTimePasswordAtStep(device.seed(), step), Origin.LOCAL);

        AccountSummary summary = accounts.getAccountSummary(account.id());
        assertThat(summary).isEqualTo(new AccountSummary(true, true, true, 2, 1, 1));
        assertThat(summary.toSummaryMap()).containsEntry("AccountMFAEnabled", 1)
                .containsEntry("AccountAccessKeysPresent", 1).containsEntry("MFADevicesInUse", 1)
                .containsEntry("AccessKeysPerUserQuota", 2);
    }

    @Test
    void countsTheUsersWithAndWithoutMfaOnceEach() {
        Account account = accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        var alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        TotpGenerator totp = new TotpGenerator(TotpParameters.AWS_DEFAULT);
        for (String name : new String[] {"alice-phone", "alice-tablet", "root-phone"}) {
            NewVirtualMfaDevice device = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                    DeviceName.of(name), Tags.NONE, Origin.LOCAL);
            long step = TotpParameters.AWS_DEFAULT.stepAt(gatehouse.clock.instant());
            gatehouse.mfaDevices.enableMfaDevice(name.startsWith("root") ? account.root() : alice.principal(),
                    device.device().serial(), totp.generateOneTimePasswordAtStep(device.seed(), step - 1),
                    totp.generateOneTimePasswordAtStep(device.seed(), step), Origin.LOCAL);
        }
        assertThat(accounts.countUsersByMfa(account.id())).as("root is no IAM user; two devices are one user")
                .isEqualTo(new UserMfaCounts(1, 1));
    }

    @Test
    void changesAndRemovesTheAlias() {
        Account account = accounts.createAccount("root@example.com", "general", "Correct-Horse-7");
        accounts.setAlias(account.id(), AccountAlias.of("renamed"), Origin.LOCAL);
        assertThatThrownBy(() -> accounts.resolve("general")).isInstanceOf(NoSuchEntityException.class);
        accounts.deleteAlias(account.id(), AccountAlias.of("renamed"), Origin.LOCAL);
        assertThat(accounts.getAccount(account.id()).aliasIfAny()).isEmpty();
    }

    @Test
    void deletesASetPasswordPolicyBackToTheDefaultAndRefusesWhenNoneIsSet() {
        Account account = accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        assertThat(account.hasCustomPasswordPolicy()).isFalse();
        assertThatThrownBy(() -> accounts.deletePasswordPolicy(account.id(), Origin.LOCAL))
                .isInstanceOf(NoSuchEntityException.class);

        Account strict = accounts.updatePasswordPolicy(account.id(),
                PasswordPolicy.custom(14, true, true, true, true, 5, 90), Origin.LOCAL);
        assertThat(strict.hasCustomPasswordPolicy()).isTrue();

        Account reverted = accounts.deletePasswordPolicy(account.id(), Origin.LOCAL);
        assertThat(reverted.passwordPolicy()).isEqualTo(PasswordPolicy.DEFAULT);
        assertThat(accounts.getAccount(account.id()).hasCustomPasswordPolicy()).isFalse();
    }
}
