package dev.gatehouse.server.console;

import java.util.Objects;
import java.util.Optional;

/**
 * What the layout needs around every page, passed to each template as {@code frame}: the title,
 * who is signed in (for the header and the sign-out form), the CSRF token for the page's forms,
 * and the path, to mark the current section in the navigation.
 */
public record Frame(String title, String path, Optional<SignedIn> signedIn, String csrfToken) {

    /**
     * The signed-in principal as the header shows it, and which administrators' sections the
     * navigation offers it (those it may open: the others would only answer 403).
     */
    public record SignedIn(String principal, String account, boolean mfaUsed, boolean seesUsers, boolean seesAccount) {
    }

    public Frame {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(signedIn, "signedIn");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    /** Whether the page belongs to the section at {@code sectionPath}, for {@code aria-current}. */
    public boolean inSection(String sectionPath) {
        // The dashboard is the console's root, which Javalin serves with or without the final slash.
        return sectionPath.equals(ConsolePaths.DASHBOARD) ? path.equals(ConsolePaths.DASHBOARD) || path.equals(ConsolePaths.ROOT)
                : path.startsWith(sectionPath);
    }
}
