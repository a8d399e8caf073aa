package dev.gatehouse.core.authz;

import dev.gatehouse.core.error.AccessDeniedException;

/**
 * Decides whether a caller may perform an action on a resource. The one place a policy engine
 * (IAM policies, {@code aws:MultiFactorAuthPresent} conditions) will plug in.
 */
@FunctionalInterface
public interface Authorizer {

    Decision decide(AccessRequest request);

    /**
     * Throws unless {@link #decide} allows {@code request}.
     *
     * @throws AccessDeniedException with AWS's message:
     *     {@code User: ARN is not authorized to perform: ACTION on resource: ARN}
     */
    default void require(AccessRequest request) {
        if (decide(request) != Decision.ALLOW) {
            throw denial(request);
        }
    }

    /** AWS's refusal of {@code request}, for a rule outside the authorizer that denies it. */
    static AccessDeniedException denial(AccessRequest request) {
        return new AccessDeniedException("User: " + request.caller().arn() + " is not authorized to perform: "
                + request.action() + " on resource: " + request.resourceArn());
    }
}
