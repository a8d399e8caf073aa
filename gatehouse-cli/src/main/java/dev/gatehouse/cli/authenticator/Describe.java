package dev.gatehouse.cli.authenticator;

import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpType;

/** How the commands describe a key to the user: its parameters, never its secret. */
final class Describe {

    private Describe() {
    }

    static String parameters(KeyUri key) {
        String kind = key.type() == OtpType.TOTP
                ? "TOTP every " + key.period().getSeconds() + " s"
                : "HOTP at counter " + key.counter();
        return kind + ", " + key.algorithm().name() + ", " + key.digits() + " digits";
    }
}
