package dev.gatehouse.core.user;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import java.time.Instant;
import java.util.Objects;

/**
 * An IAM user.
 *
 * @param administrator a marker standing in for the AdministratorAccess policy until a policy
 *     engine exists; {@code gatehouse admin create} sets it
 */
public record IamUser(AccountId accountId, UserId id, UserName name, IamPath path, Instant createdAt,
        boolean administrator, Tags tags) {

    public IamUser {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tags, "tags");
    }

    /** {@code arn:aws:iam::<account>:user<path><name>} */
    public String arn() {
        return "arn:aws:iam::" + accountId + ":user" + path.value() + name.value();
    }

    public PrincipalRef principal() {
        return PrincipalRef.user(accountId, id);
    }

    public IamUser withNameAndPath(UserName newName, IamPath newPath) {
        return new IamUser(accountId, id, newName, newPath, createdAt, administrator, tags);
    }

    public IamUser withTags(Tags newTags) {
        return new IamUser(accountId, id, name, path, createdAt, administrator, newTags);
    }
}
