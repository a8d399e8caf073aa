package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.account.AccountSummary;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.account.UserMfaCounts;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.server.console.Access;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsolePages;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import dev.gatehouse.server.console.ConsoleRoutes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM dashboard: the account's security recommendations (CIS AWS Foundations 1.4, 1.5, 1.6,
 * 1.10) each with a link to where it is fixed, and how many users have MFA. What the account's
 * root user looks like is shown to those the authorizer lets read the account summary (the root
 * user, administrators); any other user sees its own MFA status only.
 */
public final class DashboardPage implements ConsolePages {

    private final ConsoleContext console;

    public DashboardPage(ConsoleContext console) {
        this.console = console;
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/", Access.SIGNED_IN, this::show);
    }

    private void show(ConsoleRequest request) {
        String accountArn = request.account().id().rootArn();
        boolean seesAccount = request.allowed("iam:GetAccountSummary", accountArn, Optional.empty());
        List<Recommendation> recommendations = new ArrayList<>();
        Optional<UserMfaCounts> counts = Optional.empty();
        if (seesAccount) {
            recommendations.addAll(forRoot(request));
            if (request.allowed("iam:ListUsers", accountArn, Optional.empty())) {
                counts = Optional.of(console.services().accounts().countUsersByMfa(request.account().id()));
            }
        }
        if (!request.caller().isRoot()) {
            recommendations.add(ownMfa(request.principal()));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("recommendations", recommendations);
        params.put("counts", counts);
        request.render("dashboard.jte", "IAM dashboard", params);
    }

    /** The root user's MFA and access keys; only the root user itself can fix them, so only it gets the link. */
    private List<Recommendation> forRoot(ConsoleRequest request) {
        boolean isRoot = request.caller().isRoot();
        AccountSummary summary = console.services().accounts().getAccountSummary(request.account().id());
        Optional<Link> fix = isRoot ? Optional.of(new Link(ConsolePaths.SECURITY_CREDENTIALS, "Security credentials"))
                : Optional.empty();
        String onlyRoot = isRoot ? "" : " Only the root user can do this: sign in as the root user.";
        List<Recommendation> found = new ArrayList<>();
        if (!summary.accountMfaEnabled()) {
            found.add(new Recommendation(Level.WARNING, "Add MFA for root user",
                    "The root user can do anything in the account and has no MFA device. Assign one." + onlyRoot,
                    fix.map(link -> new Link(link.href(), "Add MFA"))));
        } else {
            found.add(new Recommendation(Level.OK, "Root user has MFA",
                    "Having multi-factor authentication for the root user improves security for this account.",
                    Optional.empty()));
            boolean hardware = console.services().mfaDevices()
                    .listMfaDevices(PrincipalRef.root(request.account().id()), Optional.empty(), MfaDevice.MAXIMUM_PER_PRINCIPAL)
                    .items().stream().anyMatch(device -> device.kind() == MfaDeviceKind.HARDWARE_TOTP);
            if (!hardware) {
                found.add(new Recommendation(Level.SUGGESTION, "Use a hardware MFA device for the root user",
                        "A dedicated hardware token, kept apart from anyone's phone, is recommended for a production"
                                + " root user." + onlyRoot, fix.map(link -> new Link(link.href(), "Assign a hardware token"))));
            }
        }
        if (summary.accountAccessKeysPresent()) {
            found.add(new Recommendation(Level.WARNING, "Delete root user access keys",
                    "The root user has access keys. Use an IAM user's keys instead, and delete the root user's." + onlyRoot,
                    fix.map(link -> new Link(link.href(), "Manage access keys"))));
        } else {
            found.add(new Recommendation(Level.OK, "Root user has no active access keys",
                    "Using access keys attached to an IAM user instead of the root user improves security.",
                    Optional.empty()));
        }
        return found;
    }

    private Recommendation ownMfa(PrincipalRef principal) {
        boolean hasMfa = !console.services().mfaDevices().listMfaDevices(principal, Optional.empty(), 1).items().isEmpty();
        return hasMfa
                ? new Recommendation(Level.OK, "You have MFA", "Your sign-in is protected by a second factor.", Optional.empty())
                : new Recommendation(Level.WARNING, "Add MFA for yourself",
                        "Your user has no MFA device. Assign one, so that a stolen password is not enough to sign in.",
                        Optional.of(new Link(ConsolePaths.SECURITY_CREDENTIALS, "Add MFA")));
    }

    /** How urgent a recommendation is; shown in words and an icon, never by colour alone. */
    public enum Level {
        WARNING("Action needed"), SUGGESTION("Suggestion"), OK("Done");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String cssClass() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Link(String href, String label) {
    }

    public record Recommendation(Level level, String title, String text, Optional<Link> fix) {
    }
}
