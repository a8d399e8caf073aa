package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.account.AccountAlias;
import dev.gatehouse.core.account.AccountService;
import dev.gatehouse.core.account.CredentialReport;
import dev.gatehouse.core.account.CredentialReportService;
import dev.gatehouse.server.api.ActionTable;
import dev.gatehouse.server.api.ApiRequest;
import dev.gatehouse.server.api.Arns;
import dev.gatehouse.server.api.Inputs;
import dev.gatehouse.server.api.Shapes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Account-wide views and settings: GetAccountSummary, Generate/GetCredentialReport and the
 * account alias (Create/List/DeleteAccountAlias). All of them are the administrators' alone.
 */
public final class AccountActions {

    /**
     * The SummaryMap entries Gatehouse has nothing behind yet (groups, roles, policies,
     * certificates), with the values AWS answers for an account without them, so that tools
     * reading any documented key find it.
     */
    private static final Map<String, Integer> ENTITIES_NOT_YET_MODELLED = fixedEntries();

    private final AccountService accounts;
    private final CredentialReportService credentialReports;

    public AccountActions(AccountService accounts, CredentialReportService credentialReports) {
        this.accounts = accounts;
        this.credentialReports = credentialReports;
    }

    public void addTo(ActionTable table) {
        table.addRead("GetAccountSummary", this::getAccountSummary)
                .add("GenerateCredentialReport", this::generateCredentialReport)
                .addRead("GetCredentialReport", this::getCredentialReport)
                .add("CreateAccountAlias", this::createAccountAlias)
                .addRead("ListAccountAliases", this::listAccountAliases)
                .add("DeleteAccountAlias", this::deleteAccountAlias);
    }

    private Map<String, ?> getAccountSummary(ApiRequest request) {
        authorizeOnAccount(request);
        Map<String, Integer> summary = new LinkedHashMap<>(ENTITIES_NOT_YET_MODELLED);
        summary.putAll(accounts.getAccountSummary(request.account()).toSummaryMap());
        return Map.of("SummaryMap", summary);
    }

    private Map<String, ?> generateCredentialReport(ApiRequest request) {
        authorizeOnAccount(request);
        CredentialReportService.GenerationState state = credentialReports.generateReport(request.account());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("State", state.name());
        if (state == CredentialReportService.GenerationState.STARTED) {
            result.put("Description", "No report exists. Starting a new report generation task");
        }
        return result;
    }

    private Map<String, ?> getCredentialReport(ApiRequest request) {
        authorizeOnAccount(request);
        CredentialReport report = credentialReports.latestReport(request.account());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Content", report.toCsv().getBytes(StandardCharsets.UTF_8));
        result.put("ReportFormat", "text/csv");
        result.put("GeneratedTime", report.generatedAt());
        return result;
    }

    private Map<String, ?> createAccountAlias(ApiRequest request) {
        authorizeOnAccount(request);
        accounts.setAlias(request.account(), AccountAlias.of(request.input().requiredString("AccountAlias")),
                request.origin());
        return Map.of();
    }

    /** An account has at most one alias, so there is at most one page; the paging members are honoured all the same. */
    private Map<String, ?> listAccountAliases(ApiRequest request) {
        authorizeOnAccount(request);
        List<String> aliases = accounts.getAccount(request.account()).aliasIfAny().map(AccountAlias::value).stream().toList();
        Page<String> page = Page.of(aliases, Inputs.marker(request.input()), Inputs.maxItems(request.input()), alias -> alias);
        return Shapes.page("AccountAliases", page, alias -> alias);
    }

    private Map<String, ?> deleteAccountAlias(ApiRequest request) {
        authorizeOnAccount(request);
        accounts.deleteAlias(request.account(), AccountAlias.of(request.input().requiredString("AccountAlias")),
                request.origin());
        return Map.of();
    }

    private static void authorizeOnAccount(ApiRequest request) {
        request.authorize(Arns.account(request.account()), Optional.empty());
    }

    /** AWS's documented answer for an account with no groups, roles, policies or certificates. */
    private static Map<String, Integer> fixedEntries() {
        Map<String, Integer> entries = new LinkedHashMap<>();
        entries.put("Groups", 0);
        entries.put("GroupsQuota", 300);
        entries.put("GroupsPerUserQuota", 10);
        entries.put("GroupPolicySizeQuota", 5120);
        entries.put("UserPolicySizeQuota", 2048);
        entries.put("RolePolicySizeQuota", 10240);
        entries.put("AssumeRolePolicySizeQuota", 2048);
        entries.put("Roles", 0);
        entries.put("RolesQuota", 1000);
        entries.put("InstanceProfiles", 0);
        entries.put("InstanceProfilesQuota", 1000);
        entries.put("Policies", 0);
        entries.put("PoliciesQuota", 1500);
        entries.put("PolicySizeQuota", 6144);
        entries.put("PolicyVersionsInUse", 0);
        entries.put("PolicyVersionsInUseQuota", 10000);
        entries.put("VersionsPerPolicyQuota", 5);
        entries.put("AttachedPoliciesPerUserQuota", 10);
        entries.put("AttachedPoliciesPerGroupQuota", 10);
        entries.put("AttachedPoliciesPerRoleQuota", 10);
        entries.put("Providers", 0);
        entries.put("ServerCertificates", 0);
        entries.put("ServerCertificatesQuota", 20);
        entries.put("SigningCertificatesPerUserQuota", 2);
        entries.put("AccountSigningCertificatesPresent", 0);
        entries.put("GlobalEndpointTokenVersion", 1);
        return Map.copyOf(entries);
    }
}
