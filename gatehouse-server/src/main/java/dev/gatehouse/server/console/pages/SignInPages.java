package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.console.ConsoleSession;
import dev.gatehouse.core.console.ConsoleSignIn;
import dev.gatehouse.core.console.ConsoleSignIn.CodeStep;
import dev.gatehouse.core.console.ConsoleSignIn.PasswordStep;
import dev.gatehouse.core.console.IssuedConsoleSession;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.mfa.VerificationOutcome;
import dev.gatehouse.core.signin.PasswordSignIn;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.server.console.Access;
import dev.gatehouse.server.console.ConsoleContext;
import dev.gatehouse.server.console.ConsolePages;
import dev.gatehouse.server.console.ConsolePaths;
import dev.gatehouse.server.console.ConsoleRequest;
import dev.gatehouse.server.console.ConsoleRoutes;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in, as AWS's console does it: the root user by e-mail address or an IAM user by account
 * (ID or alias) and user name, then the password; then, when the principal has MFA, a code from
 * one of its devices. Each step that passes gets a new session ID. Sign-out ends the session.
 * Messages never tell a guesser which part was wrong; only the right password learns that it has
 * expired beyond what its user may fix in the console.
 */
public final class SignInPages implements ConsolePages {

    public static final String WRONG_DETAILS = "Your sign-in details are not correct. Check them and try again.";
    /** Said only to whoever typed the right password (AWS's HardExpiry): it tells no guesser anything. */
    public static final String EXPIRED = "Your password has expired, and your account's password policy lets only an"
            + " administrator set a new one. Ask an administrator to reset your password.";
    public static final String WRONG_CODE = "The code was not accepted. Wait for your device to show a new code, then enter it.";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final ConsoleContext console;
    private final ConsoleSignIn steps;

    public SignInPages(ConsoleContext console) {
        this.console = console;
        this.steps = new ConsoleSignIn(console.services().signIn(), console.sessions());
    }

    @Override
    public void addTo(ConsoleRoutes routes) {
        routes.get("/signin", Access.PUBLIC, this::form);
        routes.post("/signin", Access.PUBLIC, this::signIn);
        routes.get("/signin/mfa", Access.AWAITING_MFA, this::mfaForm);
        routes.post("/signin/mfa", Access.AWAITING_MFA, this::verifyCode);
        routes.post("/signout", Access.ANY_SESSION, this::signOut);
    }

    private void form(ConsoleRequest request) {
        if (request.sessionIfAny().filter(ConsoleSession::isAuthenticated).isPresent()) {
            request.redirect(ConsolePaths.DASHBOARD);
            return;
        }
        Map<String, Object> fields = fields("root", "", "", "");
        String created = request.query("created");
        if (AccountId.isAccountId(created)) {
            fields.put("notice", "Your account " + created + " is ready. Sign in as its root user with the e-mail address"
                    + " and password you chose.");
            fields.put("accountId", created);
        } else if (!request.query("signed-out").isEmpty()) {
            fields.put("notice", "You have signed out.");
        } else if (!request.query("device-removed").isEmpty()) {
            fields.put("notice", "Your MFA device was removed while you were signing in. Sign in again.");
        } else if (!request.query("password-replaced").isEmpty()) {
            fields.put("notice", "Your password was changed again, or removed, just after you changed it, which"
                    + " signed you out. Sign in again.");
        }
        request.render("signin.jte", "Sign in", fields);
    }

    private void signIn(ConsoleRequest request) {
        String kind = "user".equals(request.form("kind")) ? "user" : "root";
        String email = request.form("email").strip();
        String accountId = request.form("account").strip();
        String userName = request.form("username").strip();
        Optional<PasswordStep> step;
        try {
            Password password = Password.of(request.form("password"));
            // The outcome and the session it opens are one unit of work: one durable commit.
            step = Optional.of(kind.equals("root")
                    ? steps.signInRoot(email, password, request.origin(), request.sessionIdFromCookie())
                    : steps.signInUser(accountId, userName, password, request.origin(), request.sessionIdFromCookie()));
        } catch (ValidationException unusablePassword) {
            // An empty or overlong password: no principal's, so the same answer as a wrong one.
            step = Optional.empty();
        }
        if (step.filter(passed -> passed.result().outcome() == SignInOutcome.EXPIRED).isPresent()) {
            Map<String, Object> fields = fields(kind, email, accountId, userName);
            fields.put("error", EXPIRED);
            request.render(HttpStatus.FORBIDDEN, "signin.jte", "Sign in", fields);
            return;
        }
        Optional<IssuedConsoleSession> issued = step.flatMap(PasswordStep::session);
        if (issued.isEmpty()) {
            Map<String, Object> fields = fields(kind, email, accountId, userName);
            fields.put("error", WRONG_DETAILS);
            request.render(HttpStatus.UNAUTHORIZED, "signin.jte", "Sign in", fields);
            return;
        }
        PasswordSignIn result = step.get().result();
        request.startSession(issued.get());
        request.redirect(result.outcome() == SignInOutcome.MFA_REQUIRED ? ConsolePaths.SIGN_IN_MFA
                : result.passwordChangeRequired() ? ConsolePaths.CHANGE_PASSWORD : ConsolePaths.DASHBOARD);
    }

    private void mfaForm(ConsoleRequest request) {
        List<MfaDevice> devices = devices(request.principal());
        if (devices.isEmpty()) {
            noDeviceLeft(request);
            return;
        }
        renderMfa(request, HttpStatus.OK, devices, "");
    }

    /**
     * Every device of the principal was removed while a code was owed: no code can complete this
     * sign-in, so it ends, and the next one is judged on what the principal has now.
     */
    private void noDeviceLeft(ConsoleRequest request) {
        request.endSession();
        request.redirect(ConsolePaths.SIGN_IN + "?device-removed=1");
    }

    private void verifyCode(ConsoleRequest request) {
        PrincipalRef principal = request.principal();
        List<MfaDevice> devices = devices(principal);
        if (devices.isEmpty()) {
            noDeviceLeft(request);
            return;
        }
        String chosen = request.form("serial");
        // With one device there is nothing to choose; with several, the form names one of them.
        Optional<SerialNumber> serial = devices.size() == 1 ? Optional.of(devices.get(0).serial())
                : devices.stream().map(MfaDevice::serial).filter(candidate -> candidate.value().equals(chosen)).findFirst();
        if (serial.isEmpty()) {
            renderMfa(request, HttpStatus.BAD_REQUEST, devices, "Choose the device whose code you enter.");
            return;
        }
        String code = request.form("code").strip();
        // The verification and the session an accepted code opens are one unit of work: one durable commit.
        CodeStep step = steps.verifyCode(request.session(), serial.get(), code, request.origin());
        if (step.outcome() == VerificationOutcome.THROTTLED) {
            Instant until = console.services().mfaVerifier().blockedUntil(principal, serial.get())
                    .orElse(console.services().clock().instant());
            renderMfa(request, HttpStatus.TOO_MANY_REQUESTS, devices, throttled(until));
            return;
        }
        if (!step.outcome().accepted()) {
            renderMfa(request, HttpStatus.UNAUTHORIZED, devices, WRONG_CODE);
            return;
        }
        Optional<IssuedConsoleSession> issued = step.session();
        if (issued.isEmpty()) {
            request.redirect(ConsolePaths.SIGN_IN);
            return;
        }
        request.startSession(issued.get());
        request.redirect(issued.get().session().passwordChangeRequired() ? ConsolePaths.CHANGE_PASSWORD : ConsolePaths.DASHBOARD);
    }

    private String throttled(Instant until) {
        long seconds = Math.max(1, Duration.between(console.services().clock().instant(), until).toSeconds());
        String wait = seconds == 1 ? "1 second" : seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
        return "Too many codes were not accepted. Try again after " + CLOCK.format(until) + " (in " + wait + ").";
    }

    private void signOut(ConsoleRequest request) {
        request.endSession();
        request.redirect(ConsolePaths.SIGN_IN + "?signed-out=1");
    }

    private void renderMfa(ConsoleRequest request, HttpStatus status, List<MfaDevice> devices, String error) {
        List<DeviceChoice> choices = devices.stream()
                .map(device -> new DeviceChoice(device.serial().value(), device.name(), device.kind().name())).toList();
        request.render(status, "mfa.jte", "Multi-factor authentication", Map.of("devices", choices, "error", error));
    }

    private List<MfaDevice> devices(PrincipalRef principal) {
        return console.services().mfaDevices().listMfaDevices(principal, Optional.empty(), MfaDevice.MAXIMUM_PER_PRINCIPAL).items();
    }

    private static Map<String, Object> fields(String kind, String email, String accountId, String userName) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("kind", kind);
        fields.put("email", email);
        fields.put("accountId", accountId);
        fields.put("userName", userName);
        fields.put("error", "");
        fields.put("notice", "");
        return fields;
    }

    /** A device the user may take the code from. */
    public record DeviceChoice(String serial, String name, String kind) {
    }
}
