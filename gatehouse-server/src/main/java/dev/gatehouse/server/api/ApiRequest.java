package dev.gatehouse.server.api;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.authz.AccessRequest;
import dev.gatehouse.core.authz.Authorizer;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.server.query.ActionContext;
import dev.gatehouse.server.query.QueryInput;
import java.util.Optional;

/**
 * One API call as an action sees it: the caller, the validated input, and the authorization
 * check that every action must pass before it reads or changes anything.
 */
public final class ApiRequest {

    private final ActionContext<Caller> context;
    private final QueryInput input;
    private final Authorizer authorizer;
    private final String service;
    private final String action;
    private boolean authorized;

    ApiRequest(ActionContext<Caller> context, QueryInput input, Authorizer authorizer, String service, String action) {
        this.context = context;
        this.input = input;
        this.authorizer = authorizer;
        this.service = service;
        this.action = action;
    }

    public Caller caller() {
        return context.caller();
    }

    public AccountId account() {
        return caller().accountId();
    }

    public QueryInput input() {
        return input;
    }

    /** Who asked and from where, for the audit log. */
    public Origin origin() {
        return new Origin(caller().arn(), context.sourceIp(), context.userAgent());
    }

    /**
     * Requires that the caller may perform this action on {@code resourceArn} of its own account.
     *
     * @param subject whose own credentials the action touches, if anyone's
     * @throws dev.gatehouse.core.error.AccessDeniedException otherwise
     */
    public void authorize(String resourceArn, Optional<PrincipalRef> subject) {
        authorizer.require(new AccessRequest(caller(), service + ":" + action, resourceArn, account(), subject));
        authorized = true;
    }

    /**
     * Requires that the caller may act on the credentials of the user {@code name}: an
     * administrator on anyone's, a user on its own. The subject is recognised by name, so a
     * user who may not act on others learns nothing of whether another user exists.
     */
    public void authorizeOnUser(UserName name) {
        Optional<PrincipalRef> subject = caller().isUserNamed(name) ? Optional.of(caller().principal()) : Optional.empty();
        authorize(Arns.user(account(), name), subject);
    }

    /** Requires that the caller may act on its own credentials, or on those of {@code name} when given. */
    public void authorizeOnUserOrSelf(Optional<UserName> name) {
        if (name.isPresent()) {
            authorizeOnUser(name.get());
        } else {
            authorize(caller().arn(), Optional.of(caller().principal()));
        }
    }

    boolean authorized() {
        return authorized;
    }
}
