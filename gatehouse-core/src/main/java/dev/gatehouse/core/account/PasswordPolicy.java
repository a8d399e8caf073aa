package dev.gatehouse.core.account;

import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's password policy, with AWS's fields and ranges.
 *
 * @param minimumLength 6 to 128
 * @param minimumCharacterClasses how many of upper case, lower case, digits and symbols a password
 *     must mix (AWS's default policy asks for 3), 0 to 4
 * @param reusePrevention how many previous passwords cannot be reused, 0 (off) to 24
 * @param maximumAgeDays days before a password expires, 0 (never) to 1095
 * @param allowUsersToChangePassword whether IAM users who are not administrators may change their
 *     own password
 * @param hardExpiry whether an expired password can only be replaced by an administrator, not by
 *     its user at sign-in
 */
public record PasswordPolicy(int minimumLength, boolean requireSymbols, boolean requireNumbers,
        boolean requireUppercase, boolean requireLowercase, int minimumCharacterClasses,
        int reusePrevention, int maximumAgeDays, boolean allowUsersToChangePassword, boolean hardExpiry) {

    /** AWS's policy for an account that has not set one: 8 characters, 3 of the 4 classes. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, false, false, false, false, 3, 0, 0);

    /** A policy that lets users change their own password, even once it has expired. */
    public PasswordPolicy(int minimumLength, boolean requireSymbols, boolean requireNumbers, boolean requireUppercase,
            boolean requireLowercase, int minimumCharacterClasses, int reusePrevention, int maximumAgeDays) {
        this(minimumLength, requireSymbols, requireNumbers, requireUppercase, requireLowercase, minimumCharacterClasses,
                reusePrevention, maximumAgeDays, true, false);
    }

    /**
     * A policy as UpdateAccountPasswordPolicy sets it: AWS's custom policies name each required
     * class and never demand a count of classes, unlike the default.
     */
    public static PasswordPolicy custom(int minimumLength, boolean requireSymbols, boolean requireNumbers,
            boolean requireUppercase, boolean requireLowercase, int reusePrevention, int maximumAgeDays,
            boolean allowUsersToChangePassword, boolean hardExpiry) {
        return new PasswordPolicy(minimumLength, requireSymbols, requireNumbers, requireUppercase, requireLowercase, 0,
                reusePrevention, maximumAgeDays, allowUsersToChangePassword, hardExpiry);
    }

    /** As {@link #custom(int, boolean, boolean, boolean, boolean, int, int, boolean, boolean)}, users free to change their password. */
    public static PasswordPolicy custom(int minimumLength, boolean requireSymbols, boolean requireNumbers,
            boolean requireUppercase, boolean requireLowercase, int reusePrevention, int maximumAgeDays) {
        return custom(minimumLength, requireSymbols, requireNumbers, requireUppercase, requireLowercase, reusePrevention,
                maximumAgeDays, true, false);
    }

    public PasswordPolicy {
        if (minimumLength < 6 || minimumLength > 128) {
            throw new ValidationException("MinimumPasswordLength must be 6 to 128");
        }
        if (minimumCharacterClasses < 0 || minimumCharacterClasses > 4) {
            throw new ValidationException("the minimum number of character classes must be 0 to 4");
        }
        if (reusePrevention < 0 || reusePrevention > 24) {
            throw new ValidationException("PasswordReusePrevention must be 1 to 24");
        }
        if (maximumAgeDays < 0 || maximumAgeDays > 1095) {
            throw new ValidationException("MaxPasswordAge must be 1 to 1095");
        }
    }

    /** What is wrong with {@code password} under this policy, in words; empty when it passes. */
    public List<String> violations(Password password) {
        String text = password.reveal();
        List<String> violations = new ArrayList<>();
        if (text.length() < minimumLength) {
            violations.add("at least " + minimumLength + " characters");
        }
        boolean upper = text.chars().anyMatch(Character::isUpperCase);
        boolean lower = text.chars().anyMatch(Character::isLowerCase);
        boolean digit = text.chars().anyMatch(Character::isDigit);
        boolean symbol = text.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        if (requireUppercase && !upper) {
            violations.add("an upper-case letter");
        }
        if (requireLowercase && !lower) {
            violations.add("a lower-case letter");
        }
        if (requireNumbers && !digit) {
            violations.add("a digit");
        }
        if (requireSymbols && !symbol) {
            violations.add("a symbol");
        }
        int classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        if (classes < minimumCharacterClasses) {
            violations.add("at least " + minimumCharacterClasses
                    + " of upper-case letters, lower-case letters, digits and symbols");
        }
        return violations;
    }

    /** Whether a password last changed at {@code changedAt} has expired at {@code now}. */
    public boolean hasExpired(Instant changedAt, Instant now) {
        return maximumAgeDays > 0 && !now.isBefore(changedAt.plus(Duration.ofDays(maximumAgeDays)));
    }

    /**
     * Whether {@code principal}, whose password was last changed at {@code changedAt}, must change it
     * at {@code now} because it has expired. The expiry binds IAM users, not the root user, as on AWS.
     */
    public boolean requiresChange(PrincipalRef principal, Instant changedAt, Instant now) {
        return principal instanceof PrincipalRef.User && hasExpired(changedAt, now);
    }

    /**
     * Whether {@code principal}'s password, last changed at {@code changedAt}, has expired at {@code now}
     * beyond what its user may fix in the console (AWS's HardExpiry): only an administrator can set a
     * new one there, though the user's own ChangePassword through the API still can.
     */
    public boolean locksOutOfConsole(PrincipalRef principal, Instant changedAt, Instant now) {
        return hardExpiry && requiresChange(principal, changedAt, now);
    }
}
