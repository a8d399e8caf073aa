package dev.gatehouse.core.account;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What GetAccountSummary reports about an account's security, and what the dashboard's
 * recommendations ("Add MFA for root user", "Delete root user access keys") and the CIS checks 1.4
 * and 1.5 read.
 */
public record AccountSummary(boolean accountMfaEnabled, boolean accountAccessKeysPresent,
        boolean accountPasswordPresent, int mfaDevices, int mfaDevicesInUse, int users) {

    /** AWS's quotas that Gatehouse enforces or reports as AWS does. */
    public static final int ACCESS_KEYS_PER_USER_QUOTA = 2;

    public AccountSummary {
        if (mfaDevices < 0 || mfaDevicesInUse < 0 || users < 0 || mfaDevicesInUse > mfaDevices) {
            throw new IllegalArgumentException("counts must be non-negative, devices in use at most all devices");
        }
    }

    /** The {@code SummaryMap} entries under AWS's key names, booleans as 0/1. */
    public Map<String, Integer> toSummaryMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("AccountMFAEnabled", accountMfaEnabled ? 1 : 0);
        map.put("AccountAccessKeysPresent", accountAccessKeysPresent ? 1 : 0);
        map.put("AccountPasswordPresent", accountPasswordPresent ? 1 : 0);
        map.put("MFADevices", mfaDevices);
        map.put("MFADevicesInUse", mfaDevicesInUse);
        map.put("Users", users);
        map.put("UsersQuota", AccountQuota.USERS.limit());
        map.put("AccessKeysPerUserQuota", ACCESS_KEYS_PER_USER_QUOTA);
        return map;
    }
}
