package dev.gatehouse.core.console;

import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.mfa.VerificationOutcome;
import dev.gatehouse.core.signin.PasswordSignIn;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.core.signin.SignInService;
import dev.gatehouse.core.store.StoreSession;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The console's two sign-in steps, each one unit of work: the password step's outcome (audit event,
 * throttle) with the session it opens, and the code step's verification (the code's step advanced,
 * audit events) with the authenticated session that replaces the pending one. A durable commit is
 * most of what a step costs besides hashing, and on SQLite every commit queues behind the one writer,
 * so each step commits once rather than twice. What is written is the same as in two units: a failed
 * attempt is recorded, and only a passed one opens a session.
 */
public final class ConsoleSignIn {

    private final SignInService signIn;
    private final ConsoleSessionService sessions;

    public ConsoleSignIn(SignInService signIn, ConsoleSessionService sessions) {
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** The password step of the root user; {@code previous} is the session the browser held, which a new one replaces. */
    public PasswordStep signInRoot(String email, Password password, Origin origin, Optional<ConsoleSessionId> previous) {
        return signIn.signInRoot(email, password, origin, openSession(previous));
    }

    /** The password step of an IAM user, as {@link #signInRoot}. */
    public PasswordStep signInUser(String accountIdOrAlias, String userName, Password password, Origin origin,
            Optional<ConsoleSessionId> previous) {
        return signIn.signInUser(accountIdOrAlias, userName, password, origin, openSession(previous));
    }

    /**
     * The code step of {@code pending}'s principal with {@code serial}'s device. An accepted code whose
     * pending session is gone meanwhile (expired, or completed by a concurrent request) is used up and
     * opens nothing, as when the two were separate.
     */
    public CodeStep verifyCode(ConsoleSession pending, SerialNumber serial, String code, Origin origin) {
        ConsoleSessionService.requirePending(pending, serial);
        return signIn.verifyMfa(pending.principal(), serial, code, origin, (session, outcome) -> new CodeStep(outcome,
                outcome.accepted() ? sessions.completeMfa(session, pending, serial, origin) : Optional.empty()));
    }

    private BiFunction<StoreSession, PasswordSignIn, PasswordStep> openSession(Optional<ConsoleSessionId> previous) {
        return (session, result) -> switch (result.outcome()) {
            case FAILED, EXPIRED -> new PasswordStep(result, Optional.empty());
            case MFA_REQUIRED -> new PasswordStep(result, Optional.of(sessions.start(session, result.principal(),
                    ConsoleSessionState.PENDING_MFA, result.passwordChangeRequired(), previous)));
            case SIGNED_IN -> new PasswordStep(result, Optional.of(sessions.start(session, result.principal(),
                    ConsoleSessionState.AUTHENTICATED, result.passwordChangeRequired(), previous)));
        };
    }

    /**
     * The password step's result, and the session it opened: pending a code, or signed in; none on
     * failure or for a password expired under a hard expiry.
     */
    public record PasswordStep(PasswordSignIn result, Optional<IssuedConsoleSession> session) {

        public PasswordStep {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The code step's outcome, and the authenticated session an accepted code opened; none when refused,
     * or when the pending session was gone.
     */
    public record CodeStep(VerificationOutcome outcome, Optional<IssuedConsoleSession> session) {

        public CodeStep {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(session, "session");
        }
    }
}
