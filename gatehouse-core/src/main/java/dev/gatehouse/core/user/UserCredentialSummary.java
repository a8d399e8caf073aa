package dev.gatehouse.core.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One user with what a list of users shows of its credentials: whether it has an MFA device, whether
 * it has a console password and when that was last used, how many access keys it has and when one
 * was last used. Read in one query for a whole page of users.
 *
 * @param user the user, without its tags
 */
public record UserCredentialSummary(IamUser user, boolean mfaEnabled, boolean passwordEnabled,
        Optional<Instant> passwordLastUsed, int accessKeyCount, Optional<Instant> accessKeysLastUsed) {

    public UserCredentialSummary {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordLastUsed, "passwordLastUsed");
        Objects.requireNonNull(accessKeysLastUsed, "accessKeysLastUsed");
    }
}
