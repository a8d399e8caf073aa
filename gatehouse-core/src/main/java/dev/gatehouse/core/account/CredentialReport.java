package dev.gatehouse.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An account's credential report: one row per principal, root first, in AWS's 22 columns. The
 * CIS checks (1.10: MFA for every user with a console password) read {@code mfa_active} and
 * {@code password_enabled}.
 */
public record CredentialReport(Instant generatedAt, List<Row> rows) {

    public static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service", "access_key_2_active",
            "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
            "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active",
            "cert_2_last_rotated");

    public CredentialReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        rows = List.copyOf(rows);
    }

    /** The report as AWS's CSV: a header line, then one line per row, no quoting (no value holds a comma). */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS));
        for (Row row : rows) {
            csv.append('\n').append(String.join(",", row.values()));
        }
        return csv.toString();
    }

    /** A report read back from {@link #toCsv()}. @throws IllegalArgumentException if the header is not AWS's */
    public static CredentialReport fromCsv(Instant generatedAt, String csv) {
        List<String> lines = csv.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(String.join(",", COLUMNS))) {
            throw new IllegalArgumentException("not a credential report: the header is not AWS's");
        }
        // -1 keeps trailing empty values, though no column is ever empty.
        return new CredentialReport(generatedAt, lines.subList(1, lines.size()).stream()
                .map(line -> new Row(List.of(line.split(",", -1)))).toList());
    }

    /** One principal's line, its values in {@link #COLUMNS} order. */
    public record Row(List<String> values) {

        public Row {
            values = List.copyOf(values);
            if (values.size() != COLUMNS.size()) {
                throw new IllegalArgumentException("a row has " + COLUMNS.size() + " values, not " + values.size());
            }
        }

        public String value(String column) {
            int index = COLUMNS.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            return values.get(index);
        }
    }
}
