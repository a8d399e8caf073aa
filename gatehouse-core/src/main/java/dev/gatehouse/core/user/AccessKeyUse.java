package dev.gatehouse.core.user;

import java.time.Instant;
import java.util.Objects;

/** One signed request's use of a long-term key: when, in which region, for which service. */
public record AccessKeyUse(AccessKeyId id, Instant at, String region, String service) {

    public AccessKeyUse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
    }
}
