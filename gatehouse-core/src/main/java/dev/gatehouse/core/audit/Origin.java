package dev.gatehouse.core.audit;

import java.util.Objects;

/** Where a request came from, for the audit log: an address and a user agent, as the edge saw them. */
public record Origin(String sourceAddress, String userAgent) {

    /** A command run on the server's own machine. */
    public static final Origin LOCAL = new Origin("local", "gatehouse-cli");

    public Origin {
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(userAgent, "userAgent");
    }
}
