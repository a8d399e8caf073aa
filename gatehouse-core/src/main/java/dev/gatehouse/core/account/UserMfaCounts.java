package dev.gatehouse.core.account;

/** How many of an account's IAM users have at least one MFA device enabled, and how many have none. */
public record UserMfaCounts(int withMfa, int withoutMfa) {

    public UserMfaCounts {
        if (withMfa < 0 || withoutMfa < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public int total() {
        return withMfa + withoutMfa;
    }
}
