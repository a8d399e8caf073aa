package dev.gatehouse.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account: its ID, optional alias, its root user's e-mail address and its password policy.
 * The root user's password is its {@link dev.gatehouse.core.user.LoginProfile}.
 *
 * @param alias {@code null} when the account has none
 */
public record Account(AccountId id, AccountAlias alias, EmailAddress rootEmail, PasswordPolicy passwordPolicy,
        Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rootEmail, "rootEmail");
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Optional<AccountAlias> aliasIfAny() {
        return Optional.ofNullable(alias);
    }

    /**
     * Whether the account has set a password policy (GetAccountPasswordPolicy answers NoSuchEntity
     * otherwise). The default demands three character classes, which no policy set through
     * {@link PasswordPolicy#custom} can, so the default stands for "none set" without a flag to
     * keep in step.
     */
    public boolean hasCustomPasswordPolicy() {
        return !passwordPolicy.equals(PasswordPolicy.DEFAULT);
    }

    public PrincipalRef root() {
        return PrincipalRef.root(id);
    }

    public Account withAlias(AccountAlias newAlias) {
        return new Account(id, newAlias, rootEmail, passwordPolicy, createdAt);
    }

    public Account withPasswordPolicy(PasswordPolicy policy) {
        return new Account(id, alias, rootEmail, policy, createdAt);
    }
}
