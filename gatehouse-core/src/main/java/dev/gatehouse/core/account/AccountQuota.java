package dev.gatehouse.core.account;

/** The per-account quotas that creations are counted against, with AWS's names and default limits. */
public enum AccountQuota {

    USERS("users", "UsersPerAccount", 5000),
    /** Every MFA device of the account, assigned or not, virtual or hardware. */
    MFA_DEVICES("mfa-devices", "VirtualMFADevicesPerAccount", 5000);

    private final String key;
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

    /** AWS's name for it, as its LimitExceeded message gives it. */
    public String awsName() {
        return awsName;
    }

    /** AWS's default limit. */
    public int limit() {
        return limit;
    }
}
