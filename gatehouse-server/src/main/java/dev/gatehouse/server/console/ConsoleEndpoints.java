package dev.gatehouse.server.console;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.authz.Authorizer;
import dev.gatehouse.core.console.ConsoleSessionService;
import dev.gatehouse.server.Endpoints;
import dev.gatehouse.server.console.pages.AccessKeyPages;
import dev.gatehouse.server.console.pages.AccountPages;
import dev.gatehouse.server.console.pages.DashboardPage;
import dev.gatehouse.server.console.pages.MfaDevicePages;
import dev.gatehouse.server.console.pages.PasswordChangePage;
import dev.gatehouse.server.console.pages.SecurityCredentialsPage;
import dev.gatehouse.server.console.pages.SignInPages;
import dev.gatehouse.server.console.pages.SignUpPages;
import dev.gatehouse.server.console.pages.UserPages;
import dev.gatehouse.server.console.pages.UsersPages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.List;

/**
 * The web console under {@code /console}, on the same server as the API: security headers on
 * every response, the static assets, and each page group's routes. {@code GET /} (without the
 * API's query string) leads here.
 */
public final class ConsoleEndpoints implements Endpoints {

    private final ConsoleContext console;
    private final FormTokens formTokens;
    private final Templates templates = new Templates();
    private final StaticAssets assets = new StaticAssets();

    public ConsoleEndpoints(IdentityServices services, Authorizer authorizer, ConsoleSettings settings) {
        SecureRandom random = new SecureRandom();
        ConsoleSessionService sessions = new ConsoleSessionService(services.store(), services.audit(),
                settings.sessionLimits(), services.clock(), random);
        this.console = new ConsoleContext(services, authorizer, sessions, settings);
        this.formTokens = new FormTokens(services.cipher().keys().current().deriveHmacKey("console-form-csrf"), random);
    }

    /** The page groups; a new group is one more line here. */
    private List<ConsolePages> pages() {
        return List.of(
                new SignUpPages(console),
                new SignInPages(console),
                new PasswordChangePage(console),
                new DashboardPage(console),
                new SecurityCredentialsPage(console), new MfaDevicePages(console), new AccessKeyPages(console),
                new UsersPages(console),
                new UserPages(console),
                new AccountPages(console));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(ConsolePaths.ROOT, SecurityHeaders::apply);
        routes.before(ConsolePaths.ROOT + "/*", SecurityHeaders::apply);
        // The API answers GET / with a query string; a person typing the server's address gets the console.
        routes.before("/", context -> {
            if ("GET".equals(context.method().name()) && (context.queryString() == null || context.queryString().isEmpty())) {
                context.redirect(ConsolePaths.DASHBOARD, HttpStatus.FOUND);
                context.skipRemainingHandlers();
            }
        });
        assets.addTo(routes);
        ConsoleRoutes consoleRoutes = new ConsoleRoutes(routes, console, templates, formTokens);
        pages().forEach(group -> group.addTo(consoleRoutes));
    }
}
