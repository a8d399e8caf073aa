package dev.gatehouse.server.console;

import dev.gatehouse.core.error.AccessDeniedException;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.core.error.ServiceFailureException;
import io.javalin.http.HttpStatus;

/**
 * Domain errors as the console shows them, in one place. The domain's messages are already
 * written for people (AWS's wording: "User with name alice already exists."); a server failure
 * shows nothing of its cause, which is in the log.
 */
public final class ConsoleErrors {

    /** What a failure of the server says; its cause is in the log. */
    public static final String SERVER_FAILURE = "Something went wrong on the server. Try again in a moment.";

    private ConsoleErrors() {
    }

    public static String message(GatehouseException error) {
        if (error instanceof ServiceFailureException) {
            return SERVER_FAILURE;
        }
        if (error instanceof AccessDeniedException) {
            return "You are not allowed to do this. " + error.getMessage();
        }
        return error.getMessage();
    }

    public static HttpStatus status(GatehouseException error) {
        return HttpStatus.forStatus(error.errorCode().httpStatus());
    }
}
