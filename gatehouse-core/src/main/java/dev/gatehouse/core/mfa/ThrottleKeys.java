package dev.gatehouse.core.mfa;

import dev.gatehouse.core.account.PrincipalRef;

/** The keys MFA failures are counted under: one per device, one per principal. */
final class ThrottleKeys {

    private ThrottleKeys() {
    }

    static String throttleKey(PrincipalRef principal) {
        return "principal:" + principal.accountId() + ":" + principal.key();
    }

    static String throttleKey(MfaDevice device) {
        return device.rowIdentity();
    }
}
