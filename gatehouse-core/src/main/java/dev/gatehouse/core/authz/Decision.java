package dev.gatehouse.core.authz;

/** An authorizer's answer. */
public enum Decision {
    ALLOW,
    /** Not allowed: AWS answers AccessDenied naming the caller, the action and the resource. */
    DENY
}
