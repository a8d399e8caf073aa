package dev.gatehouse.core.authz;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import java.util.Objects;
import java.util.Optional;

/**
 * One question to an {@link Authorizer}: may {@code caller} perform {@code action} on
 * {@code resourceArn}?
 *
 * @param action the IAM action name with its service prefix, e.g. {@code iam:ListUsers}
 * @param resourceAccount the account that owns the resource
 * @param subject the principal whose own credentials the action touches (a user's password,
 *     keys or MFA devices), when there is one; it lets users manage their own credentials
 */
public record AccessRequest(Caller caller, String action, String resourceArn, AccountId resourceAccount,
        Optional<PrincipalRef> subject) {

    public AccessRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(resourceAccount, "resourceAccount");
        Objects.requireNonNull(subject, "subject");
    }
}
