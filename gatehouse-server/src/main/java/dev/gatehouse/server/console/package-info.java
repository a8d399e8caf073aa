/**
 * The web console under {@code /console}: server-rendered JTE pages over the same domain services
 * and {@link dev.gatehouse.core.authz.Authorizer} as the API.
 *
 * <h2>Adding a page group</h2>
 * <ol>
 *   <li>Write a class in {@code dev.gatehouse.server.console.pages} that implements
 *       {@link dev.gatehouse.server.console.ConsolePages}, built with the
 *       {@link dev.gatehouse.server.console.ConsoleContext} (services, authorizer, sessions, settings),
 *       and add its routes, relative to {@code /console}, with an {@link dev.gatehouse.server.console.Access}:
 *       <pre>{@code
 * public void addTo(ConsoleRoutes routes) {
 *     routes.get("/users", Access.SIGNED_IN, this::list);
 *     routes.get("/users/{name}", Access.SIGNED_IN, this::user);      // request.context().pathParam("name")
 *     routes.post("/users/{name}/mfa/remove", Access.SIGNED_IN, this::removeDevice);
 * }}</pre>
 *       Add one line for it to {@code ConsoleEndpoints.pages()}. URLs are named in
 *       {@link dev.gatehouse.server.console.ConsolePaths}.</li>
 *   <li>Handlers take a {@link dev.gatehouse.server.console.ConsoleRequest}: {@code form(name)},
 *       {@code session()} (the stored {@link dev.gatehouse.core.console.ConsoleSession}: MFA used and
 *       serial, authenticated and re-authenticated times), {@code principal()}, {@code caller()} (the
 *       {@link dev.gatehouse.core.authz.Caller} the authorizer judges), {@code account()},
 *       {@code allowed(action, resourceArn, subject)} / {@code require(...)} (the API's IAM action names,
 *       e.g. {@code iam:ListUsers}), {@code origin()} for the domain's audit, {@code redirect(path)} (303),
 *       {@code render(template, title, params)}. The route has already checked the session and, on a
 *       POST, the CSRF token; an uncaught {@link dev.gatehouse.core.error.GatehouseException} becomes an
 *       error page with its status and {@link dev.gatehouse.server.console.ConsoleErrors}'s message.
 *       For sensitive changes, ask for the password again and record it with
 *       {@code request.sessionChanged(console.sessions().reauthenticated(request.session()))}.</li>
 *   <li>Templates live in {@code gatehouse-server/src/main/jte} (precompiled at build time). Each takes
 *       {@code @param Frame frame} plus its own parameters, wraps its content in
 *       {@code @template.layout(frame = frame, content = @`...`)}, and puts
 *       {@code @template.tag.csrf(token = frame.csrfToken())} in every POST form;
 *       {@code @template.tag.message(error = ..., notice = ...)} shows messages. No inline script or
 *       style (the Content-Security-Policy forbids them): CSS and JS go in
 *       {@code src/main/resources/dev/gatehouse/server/console/static/} and must be listed in
 *       {@code StaticAssets}.</li>
 *   <li>Test without a browser with the {@code ConsoleServer} fixture (src/test): a real server on a
 *       loopback port over real SQLite, with a {@code ShiftableClock}, and its {@code ConsoleClient}
 *       that keeps cookies, reads forms ({@code HtmlForm}) and submits them with their CSRF token.</li>
 * </ol>
 *
 * <h2>Security model</h2>
 * Sessions live in the database ({@link dev.gatehouse.core.console.ConsoleSessionService}); the cookie
 * {@code gatehouse_session} holds a 256-bit ID of which only the SHA-256 is stored; it is HttpOnly,
 * SameSite=Strict, Path=/console, Secure over HTTPS; a new ID at sign-in and after MFA, deleted at
 * sign-out; idle and absolute timeouts. Every POST carries a CSRF token: the session's, or before sign-in
 * a signed double-submit token ({@code FormTokens}). Every response has the security headers of
 * {@code SecurityHeaders}.
 */
package dev.gatehouse.server.console;
