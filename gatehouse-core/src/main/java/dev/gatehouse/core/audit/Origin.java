package dev.gatehouse.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Who made a request and from where, for the audit log, as the edge saw it: the authenticated
 * caller's ARN (absent before authentication, as at sign-in), the source address and the user agent.
 * The audited event's actor is the principal acted on; the caller is who acted.
 *
 * @param callerArn {@code null} when the caller is not (yet) authenticated
 */
public record Origin(String callerArn, String sourceAddress, String userAgent) {

    /** A command run on the server's own machine by whoever can read its data directory. */
    public static final Origin LOCAL = new Origin(null, "local", "gatehouse-cli");

    public Origin {
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** A request whose caller is not authenticated. */
    public Origin(String sourceAddress, String userAgent) {
        this(null, sourceAddress, userAgent);
    }

    public Optional<String> caller() {
        return Optional.ofNullable(callerArn);
    }

    public Origin withCaller(String arn) {
        return new Origin(Objects.requireNonNull(arn, "arn"), sourceAddress, userAgent);
    }
}
