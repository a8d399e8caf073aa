package dev.gatehouse.server.query;

import java.util.List;

/**
 * Input that breaks the service model's constraints: AWS's {@code ValidationError} (400), with
 * one sentence per violation, each naming the field.
 */
public final class ValidationException extends RuntimeException {

    private final List<String> violations;

    public ValidationException(List<String> violations) {
        super(violations.size() + (violations.size() == 1 ? " validation error" : " validation errors")
                + " detected: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
