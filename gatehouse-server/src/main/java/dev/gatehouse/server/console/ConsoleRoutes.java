package dev.gatehouse.server.console;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.core.console.ConsoleSession;
import dev.gatehouse.core.console.ConsoleSessionId;
import dev.gatehouse.core.console.ConsoleSessionState;
import dev.gatehouse.core.error.GatehouseException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where page groups add their routes. Paths are relative to {@code /console}. Before a handler
 * runs, the route finds the session from the cookie, turns away requests without the session its
 * {@link Access} needs (to the sign-in page, or the password change when one is due), and refuses
 * a POST without a valid CSRF token with a 403 page. A domain error the handler lets through
 * becomes an error page with its status.
 */
public final class ConsoleRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);
    /**
     * What a console caller has in place of the access key that signed an API request: the
     * console session is its temporary credential.
     */
    static final String CONSOLE_CREDENTIAL = "console-session";
    static final String EXPIRED_FORM = "The form expired or was not sent by this console. Reload and try again.";

    private final RoutesConfig routes;
    private final ConsoleContext console;
    private final Templates templates;
    private final FormTokens formTokens;

    ConsoleRoutes(RoutesConfig routes, ConsoleContext console, Templates templates, FormTokens formTokens) {
        this.routes = routes;
        this.console = console;
        this.templates = templates;
        this.formTokens = formTokens;
    }

    /** A page: {@code GET /console + path}; {@code path} may hold Javalin parameters, e.g. {@code /users/{name}}. */
    public void get(String path, Access access, ConsoleHandler handler) {
        routes.get(ConsolePaths.ROOT + path, context -> serve(context, access, handler, false));
    }

    /** A form's target: {@code POST /console + path}, CSRF-checked. */
    public void post(String path, Access access, ConsoleHandler handler) {
        routes.post(ConsolePaths.ROOT + path, context -> serve(context, access, handler, true));
    }

    private void serve(Context context, Access access, ConsoleHandler handler, boolean post) throws Exception {
        Optional<ConsoleSessionId> id = ConsoleSessionId.parse(context.cookie(ConsoleCookies.SESSION));
        Optional<ConsoleSession> session = id.flatMap(console.sessions()::resume);
        if (context.cookie(ConsoleCookies.SESSION) != null && session.isEmpty()) {
            ConsoleCookies.clear(context, ConsoleCookies.SESSION);
        }
        Optional<Caller> caller = session.filter(ConsoleSession::isAuthenticated).flatMap(this::caller);
        if (session.isPresent() && session.get().isAuthenticated() && caller.isEmpty()) {
            // The user was deleted while signed in: its session dies with it.
            console.sessions().end(session.get(), new Origin(context.ip(), ""));
            session = Optional.empty();
            ConsoleCookies.clear(context, ConsoleCookies.SESSION);
        }
        ConsoleRequest request = new ConsoleRequest(context, console, templates, formTokens, access, session, caller);
        Optional<String> elsewhere = turnAway(access, session);
        if (elsewhere.isPresent()) {
            request.redirect(elsewhere.get());
            return;
        }
        try {
            if (post && !csrfTokenValid(context, access, session)) {
                request.render(HttpStatus.FORBIDDEN, "error.jte", "Form expired", Map.of("message", EXPIRED_FORM));
                return;
            }
            handler.handle(request);
        } catch (GatehouseException error) {
            LOG.debug("Console request refused: {}", error.getMessage());
            request.render(ConsoleErrors.status(error), "error.jte", "That did not work", Map.of("message", ConsoleErrors.message(error)));
        } catch (RuntimeException failure) {
            // The cause goes to the log only: the page shows nothing of the server's insides.
            LOG.error("Console request {} {} failed", context.method(), context.path(), failure);
            request.render(HttpStatus.INTERNAL_SERVER_ERROR, "error.jte", "That did not work",
                    Map.of("message", ConsoleErrors.SERVER_FAILURE));
        }
    }

    /** Where a request without what {@code access} needs goes instead, if anywhere. */
    private static Optional<String> turnAway(Access access, Optional<ConsoleSession> session) {
        Optional<ConsoleSessionState> state = session.map(ConsoleSession::state);
        boolean changeDue = session.filter(ConsoleSession::passwordChangeRequired).isPresent();
        return switch (access) {
            case PUBLIC -> Optional.empty();
            case ANY_SESSION -> session.isPresent() ? Optional.empty() : Optional.of(ConsolePaths.SIGN_IN);
            case AWAITING_MFA -> state.isEmpty() ? Optional.of(ConsolePaths.SIGN_IN)
                    : state.get() == ConsoleSessionState.PENDING_MFA ? Optional.empty() : Optional.of(ConsolePaths.DASHBOARD);
            case PASSWORD_CHANGE -> state.filter(ConsoleSessionState.AUTHENTICATED::equals).isPresent() ? Optional.empty()
                    : Optional.of(state.isPresent() ? ConsolePaths.SIGN_IN_MFA : ConsolePaths.SIGN_IN);
            case SIGNED_IN -> state.isEmpty() ? Optional.of(ConsolePaths.SIGN_IN)
                    : state.get() == ConsoleSessionState.PENDING_MFA ? Optional.of(ConsolePaths.SIGN_IN_MFA)
                    : changeDue ? Optional.of(ConsolePaths.CHANGE_PASSWORD) : Optional.empty();
        };
    }

    private boolean csrfTokenValid(Context context, Access access, Optional<ConsoleSession> session) {
        String presented = context.formParam("csrf");
        if (access == Access.PUBLIC) {
            return formTokens.matches(context.cookie(ConsoleCookies.FORM), presented);
        }
        return session.map(current -> current.csrfTokenMatches(presented)).orElse(false);
    }

    /** The caller for a signed-in session, as the API's caller lookup builds it; empty if the user is gone. */
    private Optional<Caller> caller(ConsoleSession session) {
        Optional<Instant> mfaAt = session.mfaUsed() ? session.authenticatedAtIfAny() : Optional.empty();
        PrincipalRef principal = session.principal();
        if (principal instanceof PrincipalRef.User user) {
            return console.services().users().findUser(user.accountId(), user.userId()).map(found -> new Caller(
                    found.principal(), Optional.of(found.name()), found.arn(), found.administrator(), CONSOLE_CREDENTIAL,
                    true, mfaAt));
        }
        return Optional.of(new Caller(principal, Optional.empty(), principal.accountId().rootArn(), true,
                CONSOLE_CREDENTIAL, true, mfaAt));
    }
}
