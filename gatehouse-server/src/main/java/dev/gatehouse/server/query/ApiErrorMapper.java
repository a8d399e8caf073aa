package dev.gatehouse.server.query;

import java.util.Optional;

/**
 * Turns an exception from an action into the error AWS would answer; the one place where domain
 * failures become AWS error codes. Empty for exceptions it does not know, which are internal errors.
 */
@FunctionalInterface
public interface ApiErrorMapper {

    Optional<ApiError> map(RuntimeException exception);
}
