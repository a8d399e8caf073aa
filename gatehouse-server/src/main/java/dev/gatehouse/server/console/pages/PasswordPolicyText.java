package dev.gatehouse.server.console.pages;

import dev.gatehouse.core.account.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;

/** The account's password policy in a sentence, shown next to a new-password field. */
final class PasswordPolicyText {

    private PasswordPolicyText() {
    }

    static String describe(PasswordPolicy policy) {
        List<String> needs = new ArrayList<>();
        needs.add("at least " + policy.minimumLength() + " characters");
        if (policy.requireUppercase()) {
            needs.add("an upper-case letter");
        }
        if (policy.requireLowercase()) {
            needs.add("a lower-case letter");
        }
        if (policy.requireNumbers()) {
            needs.add("a digit");
        }
        if (policy.requireSymbols()) {
            needs.add("a symbol");
        }
        if (policy.minimumCharacterClasses() > 0) {
            needs.add("at least " + policy.minimumCharacterClasses()
                    + " of upper-case letters, lower-case letters, digits and symbols");
        }
        if (policy.reusePrevention() > 0) {
            needs.add("not one of your last " + policy.reusePrevention() + " passwords");
        }
        return "The account's password policy asks for " + String.join(", ", needs) + ".";
    }
}
