package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.CredentialReport;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

class AccountApiTest extends ApiTestCase {


    @Test
    void summarisesTheAccountWithTrueValuesAndAwsQuotas() {
        admin.createUser(r -> r.userName("alice"));

        Map<SummaryKeyType, Integer> summary = admin.getAccountSummary().summaryMap();

        assertThat(summary).containsEntry(SummaryKeyType.USERS, 2)
                .containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0)
                .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0)
                .containsEntry(SummaryKeyType.ACCOUNT_PASSWORD_PRESENT, 1)
                .containsEntry(SummaryKeyType.MFA_DEVICES, 0)
                .containsEntry(SummaryKeyType.MFA_DEVICES_IN_USE, 0)
                .containsEntry(SummaryKeyType.ACCESS_KEYS_PER_USER_QUOTA, 2)
                .containsEntry(SummaryKeyType.USERS_QUOTA, 5000)
                .containsEntry(SummaryKeyType.GROUPS_QUOTA, 300);
        assertThat(summary.keySet()).doesNotContain(SummaryKeyType.UNKNOWN_TO_SDK_VERSION);
    }

    @Test
    void reportsRootMfaAndRootKeysInTheSummaryOnceTheyExist() {
        NewVirtualMfaDevice device = api.services.mfaDevices().createVirtualMfaDevice(api.account.id(), IamPath.ROOT,
                DeviceName.ROOT_ACCOUNT_MFA_DEVICE, Tags.NONE, Origin.LOCAL);
        assertThat(admin.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.MFA_DEVICES, 1)
                .containsEntry(SummaryKeyType.MFA_DEVICES_IN_USE, 0).containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0);

        enableForRoot(device);
        api.services.accessKeys().createAccessKey(api.account.root(), Origin.LOCAL);

        assertThat(admin.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.MFA_DEVICES_IN_USE, 1)
                .containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 1)
                .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 1);
    }

    @Test
    void refusesTheCredentialReportBeforeOneIsGenerated() {
        assertThatThrownBy(admin::getCredentialReport).isInstanceOfSatisfying(CredentialReportNotPresentException.class, error -> {
            assertThat(error.statusCode()).isEqualTo(410);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ReportNotPresent");
        });
    }

    @Test
    void generatesACredentialReportInAwsFormatWithTheRootRowFirst() {
        admin.createUser(r -> r.userName("alice"));
        admin.createLoginProfile(r -> r.userName("alice").password("Correct-Horse-Battery-1"));
        String aliceKey = admin.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();

        assertThat(admin.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
        assertThat(admin.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
        GetCredentialReportResponse response = admin.getCredentialReport();

        assertThat(response.reportFormatAsString()).isEqualTo("text/csv");
        assertThat(response.generatedTime()).isNotNull();
        List<String> lines = response.content().asString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
                + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
                + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
                + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated");
        CredentialReport report = CredentialReport.fromCsv(response.generatedTime(), String.join("\n", lines));
        assertThat(report.rows()).extracting(row -> row.value("user")).containsExactly("<root_account>", "admin", "alice");
        CredentialReport.Row root = report.rows().get(0);
        assertThat(root.value("arn")).isEqualTo("arn:aws:iam::" + api.account.id() + ":root");
        assertThat(root.value("password_enabled")).isEqualTo("not_supported");
        CredentialReport.Row alice = report.rows().get(2);
        assertThat(alice.value("password_enabled")).isEqualTo("true");
        assertThat(alice.value("mfa_active")).isEqualTo("false");
        assertThat(alice.value("access_key_1_active")).isEqualTo("true");
        assertThat(alice.value("access_key_1_last_used_date")).isEqualTo("N/A");
        assertThat(alice.value("access_key_2_active")).isEqualTo("false");
        assertThat(aliceKey).startsWith("AKIA");
    }

    @Test
    void refusesACredentialReportOlderThanFourHours() {
        // Generated in the past through the domain: the SDK signs with the real time, so the server's clock stays near it.
        api.clock.advance(Duration.ofHours(-5));
        api.services.credentialReports().generateReport(api.account.id());
        api.clock.advance(Duration.ofHours(5));

        assertThatThrownBy(admin::getCredentialReport).isInstanceOfSatisfying(CredentialReportExpiredException.class, error -> {
            assertThat(error.statusCode()).isEqualTo(410);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ReportExpired");
        });
        assertThat(admin.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
        assertThat(admin.getCredentialReport().content()).isNotNull();
    }

    @Test
    void createsListsAndDeletesTheAccountAlias() {
        assertThat(admin.listAccountAliases().accountAliases()).containsExactly("example");

        admin.createAccountAlias(r -> r.accountAlias("renamed"));
        assertThat(admin.listAccountAliases(r -> r.maxItems(1)).accountAliases()).containsExactly("renamed");
        assertThat(admin.listAccountAliases().isTruncated()).isFalse();

        assertThatThrownBy(() -> admin.deleteAccountAlias(r -> r.accountAlias("example")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, error -> assertThat(error.statusCode()).isEqualTo(404));
        admin.deleteAccountAlias(r -> r.accountAlias("renamed"));
        assertThat(admin.listAccountAliases().accountAliases()).isEmpty();
    }

    @Test
    void refusesAnAliasAnotherAccountHolds() {
        api.services.accounts().createAccount("other@example.com", "taken", "Correct-Horse-Battery-9");

        assertThatThrownBy(() -> admin.createAccountAlias(r -> r.accountAlias("taken")))
                .isInstanceOfSatisfying(EntityAlreadyExistsException.class, error -> assertThat(error.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> admin.createAccountAlias(r -> r.accountAlias("Not_An_Alias")))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @Test
    void deniesOrdinaryUsersTheAccountViews() {
        var bob = api.services.users().createUser(api.account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        NewAccessKey bobKey = api.services.accessKeys().createAccessKey(bob.principal(), Origin.LOCAL);
        try (IamClient asBob = api.iam(ApiServer.credentials(bobKey))) {
            assertThatThrownBy(asBob::getAccountSummary).isInstanceOfSatisfying(AwsServiceException.class, error -> {
                assertThat(error.statusCode()).isEqualTo(403);
                assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + api.account.id()
                        + ":user/bob is not authorized to perform: iam:GetAccountSummary on resource: arn:aws:iam::"
                        + api.account.id() + ":root");
            });
            for (Runnable call : List.<Runnable>of(asBob::generateCredentialReport, asBob::getCredentialReport,
                    asBob::listAccountAliases, () -> asBob.createAccountAlias(r -> r.accountAlias("mine")))) {
                assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class,
                        error -> assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            }
        }
    }

    @Test
    void keepsEachAccountsSummaryAndReportToItself() {
        admin.createUser(r -> r.userName("alice"));
        admin.generateCredentialReport();
        Account other = api.services.accounts().createAccount("other@example.com", "other", "Correct-Horse-Battery-9");
        NewAccessKey otherAdmin = api.services.users().createAdministrator(other.id(), UserName.of("admin"), Origin.LOCAL).accessKey();

        try (IamClient stranger = api.iam(ApiServer.credentials(otherAdmin))) {
            assertThat(stranger.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.USERS, 1);
            assertThatThrownBy(stranger::getCredentialReport).isInstanceOf(CredentialReportNotPresentException.class);
            stranger.generateCredentialReport();
            assertThat(stranger.getCredentialReport().content().asUtf8String()).doesNotContain("alice")
                    .doesNotContain(api.account.id().toString());
            assertThat(stranger.listAccountAliases().accountAliases()).containsExactly("other");
        }
    }

    private void enableForRoot(NewVirtualMfaDevice device) {
        TotpGenerator totp = new TotpGenerator(TotpParameters.AWS_DEFAULT);
        long step = TotpParameters.AWS_DEFAULT.stepAt(api.clock.instant());
        api.services.mfaDevices().enableMfaDevice(api.account.root(), device.device().serial(),
                totp.generateOneTimePasswordAtStep(device.seed(), step - 1),
                totp.generateOneTimePasswordAtStep(device.seed(), step), Origin.LOCAL);
    }
}
