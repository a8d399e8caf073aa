package dev.gatehouse.core.signin;

import dev.gatehouse.core.account.PrincipalRef;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of the password step.
 *
 * @param principal {@code null} when the sign-in failed; present for {@link SignInOutcome#EXPIRED},
 *     whose password was right
 * @param passwordChangeRequired the password was reset by an administrator, or it is an IAM user's
 *     and has expired
 */
public record PasswordSignIn(SignInOutcome outcome, PrincipalRef principal, boolean passwordChangeRequired) {

    public PasswordSignIn {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == SignInOutcome.FAILED) != (principal == null)) {
            throw new IllegalArgumentException("a principal goes with a right password, and only with one");
        }
    }

    static PasswordSignIn failed() {
        return new PasswordSignIn(SignInOutcome.FAILED, null, false);
    }

    public Optional<PrincipalRef> principalIfAny() {
        return Optional.ofNullable(principal);
    }
}
