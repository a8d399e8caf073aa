package dev.gatehouse.server.console.pages;

import dev.gatehouse.server.console.ConsoleRequest;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * A destructive change's confirmation, on a page of its own ({@code admin/confirm.jte}, form
 * {@code #confirm}): what will happen, the form that does it with its hidden fields, and Cancel.
 * A sensitive one also asks for the caller's password ({@link Reauthentication#FIELD}).
 */
record Confirmation(String heading, String text, String action, Map<String, String> fields, String button,
        String cancelHref) {

    void render(ConsoleRequest request, HttpStatus status, boolean askPassword, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("cancelHref", cancelHref);
        params.put("heading", heading);
        params.put("text", text);
        params.put("action", action);
        params.put("fields", fields);
        params.put("button", button);
        params.put("askPassword", askPassword);
        params.put("error", error);
        request.render(status, "admin/confirm.jte", heading, params);
    }
}
