package dev.gatehouse.core.authz;

import java.util.Set;

/**
 * The rules until IAM policies arrive. Nobody acts on another account's resources. Within its
 * account, the root user and administrators may do everything; any other user may only manage
 * its own password, access keys and MFA devices, and ask who it is, which is what AWS's
 * documented self-service policy ("manage your own credentials and MFA") grants.
 */
public final class InterimAuthorizer implements Authorizer {

    /** Actions a user may perform on its own credentials. */
    private static final Set<String> ON_OWN_CREDENTIALS = Set.of(
            "iam:GetUser", "iam:ListUserTags",
            "iam:ChangePassword", "iam:GetLoginProfile",
            "iam:CreateAccessKey", "iam:ListAccessKeys", "iam:UpdateAccessKey", "iam:DeleteAccessKey",
            "iam:GetAccessKeyLastUsed",
            "iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:DeactivateMFADevice", "iam:ListMFADevices",
            "iam:DeleteVirtualMFADevice");

    /**
     * Actions any user of the account may perform whatever the resource: creating a virtual
     * device to assign to oneself (deleting it is on its own credentials: the subject is the
     * device's creator), listing devices (serials only, never seeds), reading the password policy
     * that ChangePassword applies, and STS's own.
     */
    private static final Set<String> FOR_EVERY_USER = Set.of(
            "iam:CreateVirtualMFADevice", "iam:ListVirtualMFADevices",
            "iam:GetAccountPasswordPolicy",
            "sts:GetCallerIdentity", "sts:GetSessionToken");

    @Override
    public Decision decide(AccessRequest request) {
        Caller caller = request.caller();
        if (!request.resourceAccount().equals(caller.accountId())) {
            return Decision.DENY;
        }
        if (caller.administrator()) {
            return Decision.ALLOW;
        }
        if (FOR_EVERY_USER.contains(request.action())) {
            return Decision.ALLOW;
        }
        boolean onOwnCredentials = request.subject().filter(caller.principal()::equals).isPresent();
        return onOwnCredentials && ON_OWN_CREDENTIALS.contains(request.action()) ? Decision.ALLOW : Decision.DENY;
    }
}
