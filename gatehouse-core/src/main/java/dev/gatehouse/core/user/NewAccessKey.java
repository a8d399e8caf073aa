package dev.gatehouse.core.user;

import java.util.Objects;

/** An access key just created, with its secret: returned once, by creation, never again. */
public record NewAccessKey(AccessKey key, AccessKeySecret secret) {

    public NewAccessKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }
}
