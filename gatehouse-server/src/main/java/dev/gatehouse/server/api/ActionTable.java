package dev.gatehouse.server.api;

import dev.gatehouse.core.authz.Authorizer;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.server.query.ActionHandler;
import java.util.HashMap;
import java.util.Map;

/**
 * The actions of one service by name. Every action is wrapped so that one which returns without
 * having asked the authorizer fails loudly instead of answering: a forgotten check is a bug
 * that must not become an open door.
 */
public final class ActionTable {

    private final String service;
    private final Authorizer authorizer;
    private final Map<String, ActionHandler<Caller>> handlers = new HashMap<>();

    public ActionTable(String service, Authorizer authorizer) {
        this.service = service;
        this.authorizer = authorizer;
    }

    public ActionTable add(String name, Action action) {
        if (handlers.putIfAbsent(name, (context, input) -> {
            ApiRequest request = new ApiRequest(context, input, authorizer, service, name);
            Map<String, ?> result = action.perform(request);
            if (!request.authorized()) {
                throw new IllegalStateException(service + ":" + name + " answered without an authorization check");
            }
            return result;
        }) != null) {
            throw new IllegalArgumentException(name + " is already in the table");
        }
        return this;
    }

    public Map<String, ActionHandler<Caller>> handlers() {
        return Map.copyOf(handlers);
    }
}
