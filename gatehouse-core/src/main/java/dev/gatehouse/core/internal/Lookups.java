package dev.gatehouse.core.internal;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.user.IamUser;
import java.util.Optional;

/** Look-ups inside a unit of work that the services share, failing with AWS's NoSuchEntity. */
public final class Lookups {

    private Lookups() {
    }

    public static Account requireAccount(StoreSession session, AccountId accountId) {
        return account(session.accounts().find(accountId), accountId);
    }

    /**
     * As {@link #requireAccount}, for a change made from what it returns: see
     * {@link dev.gatehouse.core.store.AccountRepository#findToChange}.
     */
    public static Account requireAccountToChange(StoreSession session, AccountId accountId) {
        return account(session.accounts().findToChange(accountId), accountId);
    }

    private static Account account(Optional<Account> found, AccountId accountId) {
        return found.orElseThrow(() -> new NoSuchEntityException("The account " + accountId + " cannot be found."));
    }

    /**
     * A user found proves its account too (the store keeps no user without one), so a user costs
     * one look-up and the root user one.
     *
     * @throws NoSuchEntityException if the account or the user does not exist
     */
    public static void requirePrincipal(StoreSession session, PrincipalRef principal) {
        if (principal instanceof PrincipalRef.User user) {
            if (session.users().find(user.accountId(), user.userId()).isEmpty()) {
                throw new NoSuchEntityException("The user with ID " + user.userId() + " cannot be found.");
            }
            return;
        }
        requireAccount(session, principal.accountId());
    }

    /**
     * The principal's ARN, requiring that it exists (one look-up, as a user's account exists if the
     * user does), and holding a user until the unit of work ends (see
     * {@link dev.gatehouse.core.store.UserRepository#findAndHold}), for the units of work that give the
     * principal what DeleteUser refuses to leave behind. The root user is never deleted. Take it
     * before any other lock of the unit of work, as DeleteUser takes its own.
     *
     * @throws NoSuchEntityException if the account or the user does not exist
     */
    public static String holdPrincipalArn(StoreSession session, PrincipalRef principal) {
        if (principal instanceof PrincipalRef.User user) {
            return userArn(session.users().findAndHold(user.accountId(), user.userId()), user);
        }
        return requireAccount(session, principal.accountId()).id().rootArn();
    }

    /**
     * As {@link #holdPrincipalArn}, for a unit of work that counts the principal's credentials before
     * adding one (at most two access keys): such units of work for one principal run one after another,
     * where two holding it side by side could each count one key and add a third.
     *
     * @throws NoSuchEntityException if the account or the user does not exist
     */
    public static String lockPrincipalArn(StoreSession session, PrincipalRef principal) {
        if (principal instanceof PrincipalRef.User user) {
            return userArn(session.users().findToChange(user.accountId(), user.userId()), user);
        }
        return requireAccountToChange(session, principal.accountId()).id().rootArn();
    }

    private static String userArn(Optional<IamUser> found, PrincipalRef.User user) {
        return found.map(IamUser::arn)
                .orElseThrow(() -> new NoSuchEntityException("The user with ID " + user.userId() + " cannot be found."));
    }

    /** The principal's ARN, for audit events; a deleted user is named by its ID. */
    public static String arn(StoreSession session, PrincipalRef principal) {
        if (principal instanceof PrincipalRef.User user) {
            return session.users().find(user.accountId(), user.userId()).map(IamUser::arn)
                    .orElse("arn:aws:iam::" + user.accountId() + ":user-id/" + user.userId());
        }
        return principal.accountId().rootArn();
    }
}
