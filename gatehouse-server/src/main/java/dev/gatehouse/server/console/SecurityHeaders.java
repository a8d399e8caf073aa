package dev.gatehouse.server.console;

import io.javalin.http.Context;

/**
 * The headers on every console response: no inline script or style and nothing from elsewhere
 * (CSP), no framing, no referrer, no MIME sniffing. Pages are never cached, since they show
 * credentials; the static assets may be, after revalidation.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; script-src 'self';"
            + " style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context context) {
        context.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        context.header("Referrer-Policy", "no-referrer");
        context.header("X-Content-Type-Options", "nosniff");
        context.header("X-Frame-Options", "DENY");
        context.header("Cache-Control", context.path().startsWith(ConsolePaths.STATIC + "/") ? "no-cache" : "no-store");
    }
}
