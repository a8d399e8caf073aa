package dev.gatehouse.core.authz;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.user.UserName;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated principal behind a request, and what an authorizer may ask of it.
 *
 * @param userName the IAM user's name; empty for the root user
 * @param arn the principal's ARN ({@code arn:aws:iam::<acct>:root} or the user's)
 * @param administrator whether the principal holds full rights in its account: the root user,
 *     or an IAM user marked administrator (until a policy engine gives them AdministratorAccess)
 * @param accessKeyId the key that signed the request
 * @param mfaAuthenticatedAt when MFA was last proved for these credentials: present only for
 *     temporary credentials issued with a valid code ({@code aws:MultiFactorAuthPresent})
 */
public record Caller(PrincipalRef principal, Optional<UserName> userName, String arn, boolean administrator,
        String accessKeyId, boolean temporaryCredentials, Optional<Instant> mfaAuthenticatedAt) {

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(userName, "userName");
        if (userName.isPresent() == (principal instanceof PrincipalRef.Root)) {
            throw new IllegalArgumentException("an IAM user caller has a user name and the root user has none");
        }
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(mfaAuthenticatedAt, "mfaAuthenticatedAt");
    }

    public AccountId accountId() {
        return principal.accountId();
    }

    public boolean isRoot() {
        return principal instanceof PrincipalRef.Root;
    }

    /**
     * Whether {@code name} names the caller itself (IAM user names are case-insensitive), which
     * is how a request about "my own" credentials is recognised without a lookup.
     */
    public boolean isUserNamed(UserName name) {
        return userName.filter(own -> own.value().equalsIgnoreCase(name.value())).isPresent();
    }

    /** {@code aws:MultiFactorAuthPresent}. */
    public boolean multiFactorAuthPresent() {
        return mfaAuthenticatedAt.isPresent();
    }
}
