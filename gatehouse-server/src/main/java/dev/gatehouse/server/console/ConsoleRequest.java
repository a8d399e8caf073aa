package dev.gatehouse.server.console;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.authz.AccessRequest;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.core.authz.Decision;
import dev.gatehouse.core.console.ConsoleSession;
import dev.gatehouse.core.console.ConsoleSessionId;
import dev.gatehouse.core.console.IssuedConsoleSession;
import dev.gatehouse.server.api.Arns;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One console request as a page handler sees it: the form, the session and the signed-in
 * caller, authorization through the API's {@link dev.gatehouse.core.authz.Authorizer}, and the
 * ways to answer (render a template in the layout, redirect). {@link ConsoleRoutes} has already
 * checked the session the route needs and, on a POST, the CSRF token.
 */
public final class ConsoleRequest {

    private final Context context;
    private final ConsoleContext console;
    private final Templates templates;
    private final FormTokens formTokens;
    private final Access access;
    private ConsoleSession session;
    private final Caller caller;
    private Account account;

    ConsoleRequest(Context context, ConsoleContext console, Templates templates, FormTokens formTokens, Access access,
            Optional<ConsoleSession> session, Optional<Caller> caller) {
        this.context = context;
        this.console = console;
        this.templates = templates;
        this.formTokens = formTokens;
        this.access = access;
        this.session = session.orElse(null);
        this.caller = caller.orElse(null);
    }

    /** The Javalin context, for what this class does not cover (path parameters, downloads). */
    public Context context() {
        return context;
    }

    /** The domain services, the authorizer, the sessions and the settings. */
    public ConsoleContext console() {
        return console;
    }

    /** A form field as sent (not trimmed, since passwords may have spaces); empty when absent. */
    public String form(String name) {
        return Objects.requireNonNullElse(context.formParam(name), "");
    }

    /** A query parameter; empty when absent. */
    public String query(String name) {
        return Objects.requireNonNullElse(context.queryParam(name), "");
    }

    /** The session, present on every route but {@link Access#PUBLIC} ones (where it may be too). */
    public Optional<ConsoleSession> sessionIfAny() {
        return Optional.ofNullable(session);
    }

    /** @throws IllegalStateException on a public route without a session */
    public ConsoleSession session() {
        if (session == null) {
            throw new IllegalStateException("no console session on this request");
        }
        return session;
    }

    /**
     * The session ID the browser sent, valid or not: what a new session replaces, so that an ID
     * planted before sign-in is deleted rather than left to work.
     */
    public Optional<ConsoleSessionId> sessionIdFromCookie() {
        return ConsoleSessionId.parse(context.cookie(ConsoleCookies.SESSION));
    }

    /** The signed-in principal. */
    public PrincipalRef principal() {
        return session().principal();
    }

    /**
     * The signed-in caller, for the authorizer: the same {@link Caller} the API builds for the
     * principal's keys, marked MFA-authenticated when the sign-in used a code.
     *
     * @throws IllegalStateException before the sign-in is complete
     */
    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("nobody is signed in on this request");
        }
        return caller;
    }

    /** The signed-in principal's account. */
    public Account account() {
        if (account == null) {
            account = console.services().accounts().getAccount(principal().accountId());
        }
        return account;
    }

    /** Whether the caller may perform {@code action} on {@code resourceArn} of its account; the API's answer. */
    public boolean allowed(String action, String resourceArn, Optional<PrincipalRef> subject) {
        return console.authorizer().decide(request(action, resourceArn, subject)) == Decision.ALLOW;
    }

    /** Whether the caller may open the Users pages: list the account's users, as the API's ListUsers. */
    public boolean seesUsers() {
        return allowed("iam:ListUsers", Arns.users(caller().accountId()), Optional.empty());
    }

    /** Whether the caller may open the Account page: the account's alias, as the API's ListAccountAliases. */
    public boolean seesAccount() {
        return allowed("iam:ListAccountAliases", Arns.account(caller().accountId()), Optional.empty());
    }

    /**
     * Throws {@link dev.gatehouse.core.error.AccessDeniedException} unless allowed; the route
     * answers it with a 403 page.
     */
    public void require(String action, String resourceArn, Optional<PrincipalRef> subject) {
        console.authorizer().require(request(action, resourceArn, subject));
    }

    /**
     * Renders the 403 page with {@code message} unless {@code allowed}, for a section a caller may not
     * open at all (before anything of it is looked up, so that a refusal says nothing of what exists).
     *
     * @return whether it refused
     */
    public boolean refusedUnless(boolean allowed, String message) {
        if (!allowed) {
            render(HttpStatus.FORBIDDEN, "error.jte", "Not allowed", Map.of("message", message));
        }
        return !allowed;
    }

    private AccessRequest request(String action, String resourceArn, Optional<PrincipalRef> subject) {
        return new AccessRequest(caller(), action, resourceArn, caller().accountId(), subject);
    }

    /** Who is asking and from where, for the audit log. */
    public Origin origin() {
        Origin anonymous = new Origin(context.ip(), Objects.requireNonNullElse(context.userAgent(), ""));
        return caller == null ? anonymous : anonymous.withCaller(caller.arn());
    }

    /**
     * The CSRF token for the page's forms ({@code <input type="hidden" name="csrf">}): the
     * session's, or on public pages the pre-session one, whose cookie is set here if missing.
     */
    public String csrfToken() {
        if (session != null && access != Access.PUBLIC) {
            return session.csrfToken();
        }
        Optional<String> cookie = FormTokens.validCookie(context.cookie(ConsoleCookies.FORM));
        String value = cookie.orElseGet(() -> {
            String fresh = formTokens.newCookieValue();
            ConsoleCookies.set(context, ConsoleCookies.FORM, fresh);
            return fresh;
        });
        return formTokens.tokenFor(value);
    }

    /** Renders {@code template} (a file under src/main/jte) with 200 OK. */
    public void render(String template, String title, Map<String, Object> params) {
        render(HttpStatus.OK, template, title, params);
    }

    /**
     * Renders {@code template} with {@code params} plus {@code frame}, the {@link Frame} every
     * template takes for the layout.
     */
    public void render(HttpStatus status, String template, String title, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("frame", frame(title));
        context.status(status).contentType("text/html; charset=utf-8").result(templates.render(template, all));
    }

    private Frame frame(String title) {
        Optional<Frame.SignedIn> signedIn = Optional.empty();
        if (caller != null) {
            Account own = account();
            String accountLabel = own.aliasIfAny().map(alias -> alias.value() + " (" + own.id() + ")")
                    .orElse(own.id().value());
            String principalLabel = caller.userName().map(name -> name.value())
                    .orElse("Root user (" + own.rootEmail().value() + ")");
            signedIn = Optional.of(new Frame.SignedIn(principalLabel, accountLabel, session.mfaUsed(), seesUsers(),
                    seesAccount()));
        }
        return new Frame(title, context.path(), signedIn, csrfToken());
    }

    /** 303 See Other to {@code path}: after a POST, the browser GETs the next page. */
    public void redirect(String path) {
        context.redirect(path, HttpStatus.SEE_OTHER);
    }

    /**
     * Hands the browser a new session, ending the one it held (a new ID at every step of the
     * sign-in, never one chosen before it).
     */
    public void startSession(IssuedConsoleSession issued) {
        session = issued.session();
        ConsoleCookies.set(context, ConsoleCookies.SESSION, issued.id().reveal());
    }

    /** Updates the session this request carries after a change (re-authentication, password changed). */
    public void sessionChanged(ConsoleSession changed) {
        if (session == null || !session.digest().equals(changed.digest())) {
            throw new IllegalArgumentException("not this request's session");
        }
        session = changed;
    }

    /** Ends the session (sign-out): its row is deleted and the cookie cleared. */
    public void endSession() {
        if (session != null) {
            console.sessions().end(session, origin());
            session = null;
        }
        ConsoleCookies.clear(context, ConsoleCookies.SESSION);
    }
}
