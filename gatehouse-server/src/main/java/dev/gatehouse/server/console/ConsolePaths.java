package dev.gatehouse.server.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The console's URLs, in one place so that pages link to each other by name. */
public final class ConsolePaths {

    public static final String ROOT = "/console";
    public static final String DASHBOARD = ROOT + "/";
    public static final String SIGN_IN = ROOT + "/signin";
    public static final String SIGN_IN_MFA = ROOT + "/signin/mfa";
    public static final String SIGN_UP = ROOT + "/signup";
    public static final String SIGN_OUT = ROOT + "/signout";
    public static final String CHANGE_PASSWORD = ROOT + "/change-password";
    public static final String STATIC = ROOT + "/static";
    /** One's own MFA devices, access keys and password. */
    public static final String SECURITY_CREDENTIALS = ROOT + "/security-credentials";
    public static final String USERS = ROOT + "/users";
    /** "Create user": '~' is not allowed in user names, so no user's page can have this path. */
    public static final String NEW_USER = USERS + "/~new";
    /** Alias, password policy, sign-in history. */
    public static final String ACCOUNT = ROOT + "/account";

    private ConsolePaths() {
    }

    /** The page of one IAM user. */
    public static String user(String userName) {
        return USERS + "/" + URLEncoder.encode(userName, StandardCharsets.UTF_8);
    }
}
