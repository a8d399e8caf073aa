package dev.gatehouse.core.account;

import dev.gatehouse.core.error.LimitExceededException;

/** The per-account quotas that creations are counted against, with AWS's names and default limits. */
public enum AccountQuota {

    USERS("users", "UsersPerAccount", 5000),
    /** Every MFA device of the account, assigned or not, virtual or hardware. */
    MFA_DEVICES("mfa-devices", "VirtualMFADevicesPerAccount", 5000);

    private final String key;
    /** AWS's name for it, as its LimitExceeded message gives it. */
    private final String awsName;
    private final int limit;

    AccountQuota(String key, String awsName, int limit) {
        this.key = key;
        this.awsName = awsName;
        this.limit = limit;
    }

    /** The quota's name in the store. */
    public String key() {
        return key;
    }

    /** AWS's default limit. */
    public int limit() {
        return limit;
    }

    /** The refusal of one more at {@code limit}, in AWS's words. */
    public LimitExceededException exceeded(int limit) {
        return new LimitExceededException("Cannot exceed quota for " + awsName + ": " + limit);
    }
}
