package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyStatus;

/**
 * One line of the access keys table ({@code tag/access-keys.jte}): ID, status in words, created,
 * last used, and the targets of its Activate/Deactivate form (fields {@code key}, {@code status})
 * and Delete link, so the same table serves one's own keys and an administrator's view of a user.
 */
public record AccessKeyRow(String id, String status, String created, String lastUsed, String statusAction,
        String nextStatus, String nextStatusLabel, String deleteHref) {

    public static AccessKeyRow of(AccessKey key, String statusAction, String deleteHref) {
        boolean active = key.status() == AccessKeyStatus.ACTIVE;
        String lastUsed = key.lastUsed().map(at -> ConsoleTimes.format(at)
                + (key.lastUsedService() == null ? "" : " (" + key.lastUsedService() + ")")).orElse("Never");
        return new AccessKeyRow(key.id().value(), key.status().awsName(), ConsoleTimes.format(key.createdAt()), lastUsed,
                statusAction, (active ? AccessKeyStatus.INACTIVE : AccessKeyStatus.ACTIVE).awsName(),
                active ? "Deactivate" : "Activate", deleteHref);
    }
}
