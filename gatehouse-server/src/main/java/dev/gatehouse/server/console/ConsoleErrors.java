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

    private ConsoleErrors() {
    }

    public static String message(GatehouseException error) {
        if (error instanceof ServiceFailureException) {
            return "Something went wrong on the server. Try again in a moment.";
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
