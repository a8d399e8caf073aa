package dev.gatehouse.core.user;

/** Whether an access key signs requests. */
public enum AccessKeyStatus {
    ACTIVE("Active"),
    INACTIVE("Inactive");

    private final String awsName;

    AccessKeyStatus(String awsName) {
        this.awsName = awsName;
    }

    /** {@code Active} or {@code Inactive}, as the API writes it. */
    public String awsName() {
        return awsName;
    }

    public static AccessKeyStatus fromAwsName(String name) {
        for (AccessKeyStatus status : values()) {
            if (status.awsName.equals(name)) {
                return status;
            }
        }
        throw new dev.gatehouse.core.error.ValidationException("Status must be Active or Inactive");
    }
}
