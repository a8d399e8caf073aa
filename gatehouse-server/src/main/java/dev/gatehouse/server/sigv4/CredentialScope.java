package dev.gatehouse.server.sigv4;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/** The {@code date/region/service/aws4_request} part of a SigV4 credential. */
public record CredentialScope(LocalDate date, String region, String service) {

    private static final String TERMINATOR = "aws4_request";

    public CredentialScope {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
    }

    /** Parses {@code 20261122/us-east-1/iam/aws4_request}. */
    static CredentialScope parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 4 || !TERMINATOR.equals(parts[3]) || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw AuthenticationFailure.incompleteSignature(
                    "Credential should be scoped to a valid region, a valid service and the terminator aws4_request, not '"
                            + text + "'.");
        }
        try {
            return new CredentialScope(parseDate(parts[0]), parts[1], parts[2]);
        } catch (DateTimeException e) {
            throw AuthenticationFailure.incompleteSignature("Credential should be scoped to a valid date, not '" + parts[0] + "'.");
        }
    }

    @Override
    public String toString() {
        return formatDate(date) + "/" + region + "/" + service + "/" + TERMINATOR;
    }

    /*
     * yyyyMMdd, read and written by hand: every request's signature has dates in it, and
     * java.time's pattern formatters cost more than all the rest of reading the scope.
     */

    /** @throws DateTimeException unless {@code text} is eight digits naming a real date */
    static LocalDate parseDate(String text) {
        if (text.length() != 8) {
            throw new DateTimeException("not eight digits: " + text);
        }
        return LocalDate.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8));
    }

    /** The decimal number from {@code start} to {@code end} of {@code text}. @throws DateTimeException if not all digits */
    static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit at " + i + ": " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static String formatDate(LocalDate date) {
        String digits = Integer.toString(date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
        return "0".repeat(Math.max(0, 8 - digits.length())) + digits;
    }
}
