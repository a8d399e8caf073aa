package dev.gatehouse.core.user;

import java.util.Objects;

/** What {@code gatehouse admin create} prints: the administrator and its first access key. */
public record AdministratorCredentials(IamUser user, NewAccessKey accessKey) {

    public AdministratorCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(accessKey, "accessKey");
    }
}
