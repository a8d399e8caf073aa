package dev.gatehouse.core.account;

import dev.gatehouse.core.internal.Validation;
import java.util.regex.Pattern;

/** A 12-digit AWS account ID. */
public record AccountId(String value) implements Comparable<AccountId> {

    private static final Pattern DIGITS = Pattern.compile("\\d{12}");

    public AccountId {
        Validation.matching(value, "AccountId", 12, 12, DIGITS);
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    /** Whether {@code text} has the form of an account ID, to tell an ID from an alias at sign-in. */
    public static boolean isAccountId(String text) {
        return text != null && DIGITS.matcher(text).matches();
    }

    /** {@code arn:aws:iam::<account>:root} */
    public String rootArn() {
        return "arn:aws:iam::" + value + ":root";
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
