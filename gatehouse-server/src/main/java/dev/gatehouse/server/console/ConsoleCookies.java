package dev.gatehouse.server.console;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The console's two cookies, both HttpOnly, SameSite=Strict and scoped to {@code /console}, and
 * Secure whenever the request came over HTTPS (a plain-HTTP loopback console could not send a
 * Secure cookie back at all). Session cookies only: they go when the browser closes.
 */
final class ConsoleCookies {

    /** The console session's ID. */
    static final String SESSION = "gatehouse_session";
    /** The random value that public forms' CSRF token is signed over (see {@link FormTokens}). */
    static final String FORM = "gatehouse_form";

    private ConsoleCookies() {
    }

    static void set(Context context, String name, String value) {
        context.cookie(new Cookie(name, value, ConsolePaths.ROOT, -1, secure(context), true, null, SameSite.STRICT));
    }

    static void clear(Context context, String name) {
        context.cookie(new Cookie(name, "", ConsolePaths.ROOT, 0, secure(context), true, null, SameSite.STRICT));
    }

    private static boolean secure(Context context) {
        return "https".equalsIgnoreCase(context.scheme());
    }
}
