package dev.gatehouse.server.api;

import dev.gatehouse.core.authz.Authorizer;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.server.query.ActionHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The actions of one service by name. Every action is wrapped so that one which returns without
 * having asked the authorizer fails loudly instead of answering: a forgotten check is a bug
 * that must not become an open door.
 */
public final class ActionTable {

    private final String service;
    private final Authorizer authorizer;
    private final Optional<AccessKeyUseRecorder> uses;
    private final Store store;
    private final Map<String, ActionHandler<Caller>> handlers = new HashMap<>();

    /**
     * A table that notes each authenticated request's long-term key in {@code uses}, for
     * GetAccessKeyLastUsed, and runs each read-only action's reads together on {@code store}.
     */
    public ActionTable(String service, Authorizer authorizer, Optional<AccessKeyUseRecorder> uses, Store store) {
        this.service = service;
        this.authorizer = authorizer;
        this.uses = uses;
        this.store = store;
    }

    /** An action that may change something. */
    public ActionTable add(String name, Action action) {
        return put(name, action);
    }

    /**
     * An action that only reads: all its reads share one store session, as one connection costs
     * less than several. Should it try to write, the store refuses and the request fails.
     */
    public ActionTable addRead(String name, Action action) {
        return put(name, request -> store.readingTogether(() -> action.perform(request)));
    }

    private ActionTable put(String name, Action action) {
        if (handlers.putIfAbsent(name, (context, input) -> {
            // The signature has checked out by now, so this is a real use of the key, whatever the action's outcome.
            uses.filter(recorder -> !context.caller().temporaryCredentials()).ifPresent(recorder ->
                    recorder.record(AccessKeyId.of(context.accessKeyId()), context.region(), service));
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
