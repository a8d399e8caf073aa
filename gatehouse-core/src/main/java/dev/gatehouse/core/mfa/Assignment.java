package dev.gatehouse.core.mfa;

import dev.gatehouse.core.account.PrincipalRef;
import java.time.Instant;
import java.util.Objects;

/** The principal an MFA device is enabled for, and since when. */
public record Assignment(PrincipalRef principal, Instant enabledAt) {

    public Assignment {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(enabledAt, "enabledAt");
    }
}
