package dev.gatehouse.core.account;

import dev.gatehouse.core.internal.Validation;
import java.util.regex.Pattern;

/**
 * An account alias, unique across the installation, with AWS's rules: 3 to 63 lower-case letters,
 * digits and single hyphens, starting and ending with a letter or digit. An alias cannot be all
 * digits, or it could be confused with an account ID at sign-in.
 */
public record AccountAlias(String value) {

    private static final Pattern PATTERN = Pattern.compile("^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");

    public AccountAlias {
        Validation.matching(value, "AccountAlias", 3, 63, PATTERN);
        if (AccountId.isAccountId(value) || value.chars().allMatch(Character::isDigit)) {
            throw new dev.gatehouse.core.error.ValidationException("AccountAlias cannot be only digits");
        }
    }

    public static AccountAlias of(String value) {
        return new AccountAlias(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
