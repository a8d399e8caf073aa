package dev.gatehouse.core.account;

import dev.gatehouse.core.error.LimitExceededException;

/** The per-account quotas that creations are counted against, with AWS's names and default limits. */
public enum AccountQuota {

    USERS("users", "UsersPerAccount", 5000),
    /** The account's virtual MFA devices, assigned or not; hardware tokens are not counted, as on AWS. */
    VIRTUAL_MFA_DEVICES("virtual-mfa-devices", "VirtualMFADevicesPerAccount", 5000);

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

    /** The refusal of one more once {@code reached} are counted, in AWS's words. */
    public LimitExceededException exceeded(int reached) {
        return new LimitExceededException("Cannot exceed quota for " + awsName + ": " + reached);
    }
}
