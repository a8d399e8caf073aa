package dev.gatehouse.core.mfa;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.store.StoreSession;

/** Names and checks of principals that the MFA services share. */
final class Principals {

    private Principals() {
    }

    /** The principal's ARN for audit events and messages. */
    static String arn(StoreSession session, PrincipalRef principal) {
        if (principal instanceof PrincipalRef.User user) {
            return session.users().find(user.accountId(), user.userId())
                    .map(found -> found.arn())
                    .orElse("arn:aws:iam::" + user.accountId() + ":user-id/" + user.userId());
        }
        return principal.accountId().rootArn();
    }

    /** @throws NoSuchEntityException if the account or user does not exist */
    static void requireExists(StoreSession session, PrincipalRef principal) {
        if (session.accounts().find(principal.accountId()).isEmpty()) {
            throw new NoSuchEntityException("The account " + principal.accountId() + " cannot be found.");
        }
        if (principal instanceof PrincipalRef.User user
                && session.users().find(user.accountId(), user.userId()).isEmpty()) {
            throw new NoSuchEntityException("The user with ID " + user.userId() + " cannot be found.");
        }
    }

    static String throttleKey(PrincipalRef principal) {
        return "principal:" + principal.accountId() + ":" + principal.key();
    }

    static String throttleKey(MfaDevice device) {
        return device.rowIdentity();
    }
}
