package dev.gatehouse.core.account;

import dev.gatehouse.core.user.UserId;
import java.util.Objects;

/**
 * Who holds credentials and MFA devices: an account's root user or one of its IAM users. The
 * {@link #key()} names the principal within its account, as the store keeps it.
 */
public sealed interface PrincipalRef permits PrincipalRef.Root, PrincipalRef.User {

    /** The key of the root user; no IAM user ID can take this form. */
    String ROOT_KEY = "root";

    AccountId accountId();

    /** {@value #ROOT_KEY} for the root user, the user ID for an IAM user. */
    String key();

    static PrincipalRef root(AccountId accountId) {
        return new Root(accountId);
    }

    static PrincipalRef user(AccountId accountId, UserId userId) {
        return new User(accountId, userId);
    }

    /** The principal stored as {@code (accountId, key)}. */
    static PrincipalRef fromKey(AccountId accountId, String key) {
        return ROOT_KEY.equals(key) ? new Root(accountId) : new User(accountId, new UserId(key));
    }

    record Root(AccountId accountId) implements PrincipalRef {
        public Root {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public String key() {
            return ROOT_KEY;
        }
    }

    record User(AccountId accountId, UserId userId) implements PrincipalRef {
        public User {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public String key() {
            return userId.value();
        }
    }
}
