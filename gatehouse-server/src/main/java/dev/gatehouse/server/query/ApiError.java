package dev.gatehouse.server.query;

/** An error as the query API reports it: AWS's code, a message for the caller, and the HTTP status. */
public record ApiError(String code, String message, int status) {

    public static ApiError internal() {
        return new ApiError("ServiceFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);
    }
}
