package dev.gatehouse.core.user;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.store.StoreSession;

/** Look-ups the user services share. */
final class Accounts {

    private Accounts() {
    }

    static Account require(StoreSession session, AccountId accountId) {
        return session.accounts().find(accountId)
                .orElseThrow(() -> new NoSuchEntityException("The account " + accountId + " cannot be found."));
    }

    static String arn(StoreSession session, PrincipalRef principal) {
        if (principal instanceof PrincipalRef.User user) {
            return session.users().find(user.accountId(), user.userId()).map(IamUser::arn)
                    .orElse("arn:aws:iam::" + user.accountId() + ":user-id/" + user.userId());
        }
        return principal.accountId().rootArn();
    }

    /** @throws NoSuchEntityException if the account or user does not exist */
    static void requirePrincipal(StoreSession session, PrincipalRef principal) {
        require(session, principal.accountId());
        if (principal instanceof PrincipalRef.User user
                && session.users().find(user.accountId(), user.userId()).isEmpty()) {
            throw new NoSuchEntityException("The user with ID " + user.userId() + " cannot be found.");
        }
    }
}
