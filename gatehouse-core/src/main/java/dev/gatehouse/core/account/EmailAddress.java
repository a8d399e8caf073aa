package dev.gatehouse.core.account;

import dev.gatehouse.core.internal.Validation;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The root user's e-mail address, unique across the installation. Kept as given; compared in
 * lower case (the {@link #normalized()} form), since two spellings of one mailbox must not open
 * two accounts.
 */
public record EmailAddress(String value) {

    // Deliberately loose: one '@', no spaces, a dot in the domain. Proving deliverability is a mail's job.
    private static final Pattern PATTERN = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public EmailAddress {
        Validation.matching(value, "Email", 3, 254, PATTERN);
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value == null ? null : value.strip());
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
