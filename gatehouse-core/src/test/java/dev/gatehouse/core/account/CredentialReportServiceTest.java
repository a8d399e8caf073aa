package dev.gatehouse.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.ReportExpiredException;
import dev.gatehouse.core.error.ReportNotPresentException;
import java.time.Duration;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.testing.Gatehouse;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import org.junit.jupiter.api.Test;

class CredentialReportServiceTest {

    private final Gatehouse gatehouse = new Gatehouse();
    private final CredentialReportService reports = new CredentialReportService(gatehouse.store, gatehouse.clock);

    @Test
    void reportsRootFirstThenEachUserInAwsColumns() {
        Account account = gatehouse.accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE,
                Origin.LOCAL);
        gatehouse.passwords.createLoginProfile(alice.principal(), Password.of("Correct-Horse-7"), false, Origin.LOCAL);
        gatehouse.users.createAdministrator(account.id(), UserName.of("bob"), Origin.LOCAL);
        NewVirtualMfaDevice device = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.ROOT_ACCOUNT_MFA_DEVICE, Tags.NONE, Origin.LOCAL);
        TotpGenerator totp = new TotpGenerator(TotpParameters.AWS_DEFAULT);
        long step = TotpParameters.AWS_DEFAULT.stepAt(gatehouse.clock.instant());
        gatehouse.mfaDevices.enableMfaDevice(account.root(), device.device().serial(),
                totp.generateOneTimePasswordAtStep(device.seed(), step - 1),
                totp.generateOneTimePasswordAtStep(device.seed(), step), Origin.LOCAL);

        CredentialReport report = reports.generate(account.id());

        assertThat(report.rows()).hasSize(3);
        CredentialReport.Row root = report.rows().get(0);
        assertThat(root.value("user")).isEqualTo("<root_account>");
        assertThat(root.value("arn")).isEqualTo("arn:aws:iam::" + account.id() + ":root");
        assertThat(root.value("password_enabled")).isEqualTo("not_supported");
        assertThat(root.value("mfa_active")).isEqualTo("true");
        assertThat(root.value("user_creation_time")).isEqualTo("2026-11-22T12:00:00+00:00");
        CredentialReport.Row aliceRow = report.rows().get(1);
        assertThat(aliceRow.value("password_enabled")).isEqualTo("true");
        assertThat(aliceRow.value("password_last_used")).isEqualTo("no_information");
        assertThat(aliceRow.value("mfa_active")).isEqualTo("false");
        assertThat(aliceRow.value("access_key_1_active")).isEqualTo("false");
        CredentialReport.Row bobRow = report.rows().get(2);
        assertThat(bobRow.value("password_enabled")).isEqualTo("false");
        assertThat(bobRow.value("password_last_used")).isEqualTo("N/A");
        assertThat(bobRow.value("access_key_1_active")).isEqualTo("true");
        assertThat(bobRow.value("access_key_1_last_used_date")).isEqualTo("N/A");
        assertThat(report.toCsv().lines().findFirst()).contains(String.join(",", CredentialReport.COLUMNS));
        assertThat(report.toCsv().lines()).hasSize(4).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(22));
    }

    @Test
    void startsAReportTheFirstTimeAndCompletesWhileItIsFresh() {
        Account account = gatehouse.accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        assertThatThrownBy(() -> reports.latestReport(account.id())).isInstanceOf(ReportNotPresentException.class);

        assertThat(reports.generateReport(account.id())).isEqualTo(CredentialReportService.GenerationState.STARTED);
        assertThat(reports.generateReport(account.id())).isEqualTo(CredentialReportService.GenerationState.COMPLETE);
        assertThat(reports.latestReport(account.id()).generatedAt()).isEqualTo(gatehouse.clock.instant());
    }

    @Test
    void expiresAReportAfterFourHoursAndGeneratesAnewThen() {
        Account account = gatehouse.accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        reports.generateReport(account.id());

        gatehouse.clock.advance(Duration.ofHours(4));

        assertThatThrownBy(() -> reports.latestReport(account.id())).isInstanceOf(ReportExpiredException.class);
        assertThat(reports.generateReport(account.id())).isEqualTo(CredentialReportService.GenerationState.STARTED);
        assertThat(reports.latestReport(account.id()).generatedAt()).isEqualTo(gatehouse.clock.instant());
    }

    @Test
    void readsItsOwnCsvBack() {
        Account account = gatehouse.accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        CredentialReport report = reports.generate(account.id());

        assertThat(CredentialReport.fromCsv(report.generatedAt(), report.toCsv())).isEqualTo(report);
    }
}
