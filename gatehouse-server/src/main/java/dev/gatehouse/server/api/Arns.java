package dev.gatehouse.server.api;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.user.UserName;

/** The ARNs that name resources in authorization checks and AWS's AccessDenied messages. */
public final class Arns {

    private Arns() {
    }

    public static String user(AccountId account, UserName name) {
        return "arn:aws:iam::" + account + ":user/" + name.value();
    }

    /** All users of the account, the resource AWS names for ListUsers. */
    public static String users(AccountId account) {
        return "arn:aws:iam::" + account + ":user/";
    }

    public static String mfa(AccountId account, String pathAndName) {
        return "arn:aws:iam::" + account + ":mfa" + pathAndName;
    }

    /** The account itself, for account-wide actions. */
    public static String account(AccountId account) {
        return "arn:aws:iam::" + account + ":root";
    }
}
