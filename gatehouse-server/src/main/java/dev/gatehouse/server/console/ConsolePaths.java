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
    /** The Assign MFA device wizard: device name and type (GET), then the type's own step (POST). */
    public static final String ASSIGN_MFA = SECURITY_CREDENTIALS + "/mfa/assign";
    /** The authenticator app's codes, "Add MFA". */
    public static final String ENABLE_VIRTUAL_MFA = SECURITY_CREDENTIALS + "/mfa/virtual";
    /** A hardware TOTP token's serial and codes. */
    public static final String ENABLE_HARDWARE_MFA = SECURITY_CREDENTIALS + "/mfa/hardware";
    /** An administrator registers a hardware token's serial and seed. */
    public static final String REGISTER_HARDWARE_MFA = SECURITY_CREDENTIALS + "/mfa/hardware/register";
    /** The wizard's success message, {@code ?serial=}. */
    public static final String MFA_ASSIGNED = SECURITY_CREDENTIALS + "/mfa/assigned";
    /** {@code ?serial=}: two consecutive codes. */
    public static final String RESYNC_MFA = SECURITY_CREDENTIALS + "/mfa/resync";
    /** {@code ?serial=}: the password again, then a confirmation. */
    public static final String REMOVE_MFA = SECURITY_CREDENTIALS + "/mfa/remove";
    public static final String REMOVE_MFA_PASSWORD = REMOVE_MFA + "/password";
    public static final String CREATE_ACCESS_KEY = SECURITY_CREDENTIALS + "/access-keys/create";
    public static final String ACCESS_KEY_STATUS = SECURITY_CREDENTIALS + "/access-keys/status";
    /** {@code ?key=}: a confirmation, then the deletion. */
    public static final String DELETE_ACCESS_KEY = SECURITY_CREDENTIALS + "/access-keys/delete";
    /** One's own password change, asked for (unlike the forced {@link #CHANGE_PASSWORD}). */
    public static final String UPDATE_PASSWORD = SECURITY_CREDENTIALS + "/password";
    public static final String USERS = ROOT + "/users";
    /** "Create user": '~' is not allowed in user names, so no user's page can have this path. */
    public static final String NEW_USER = USERS + "/~new";
    /** Alias, password policy, sign-in history. */
    public static final String ACCOUNT = ROOT + "/account";

    private ConsolePaths() {
    }

    /** {@code path} with one query parameter, encoded. */
    public static String withQuery(String path, String name, String value) {
        return path + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The page of one IAM user. */
    public static String user(String userName) {
        return USERS + "/" + URLEncoder.encode(userName, StandardCharsets.UTF_8);
    }
}
