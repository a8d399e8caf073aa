package dev.gatehouse.bench.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One IAM user's console sign-in with password and MFA over HTTP, request for request what a browser
 * sends: the sign-in page (for its form token), the password form, the MFA page (for the pending
 * session's token), the code form, and the dashboard it lands on. Each sign-in starts without
 * cookies, as a new browser would. Anything but the expected answer at any step is an error.
 */
final class ConsoleSignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    /** The header's badge: the dashboard of a session made with MFA. */
    private static final String SIGNED_IN_WITH_MFA = "Signed in with MFA";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;

    ConsoleSignIn(URI base) {
        this.base = base;
    }

    /** Signs {@code userName} in with {@code password} and {@code code}; throws unless it lands on the dashboard. */
    void signIn(String account, String userName, String password, String code) throws IOException, InterruptedException {
        Map<String, String> cookies = new HashMap<>();
        String signInPage = expect(200, get("/console/signin", cookies)).body();
        String pending = expect(303, post("/console/signin", cookies, Map.of("csrf", csrf(signInPage), "kind", "user",
                "account", account, "username", userName, "password", password))).headers().firstValue("Location").orElse("");
        if (!pending.equals("/console/signin/mfa")) {
            throw new IllegalStateException("the password step led to " + pending + ", not to the MFA page");
        }
        String mfaPage = expect(200, get(pending, cookies)).body();
        String landed = expect(303, post(pending, cookies, Map.of("csrf", csrf(mfaPage), "code", code)))
                .headers().firstValue("Location").orElse("");
        String dashboard = expect(200, get(landed, cookies)).body();
        if (!dashboard.contains(SIGNED_IN_WITH_MFA)) {
            throw new IllegalStateException("the code step led to " + landed + ", not to a dashboard signed in with MFA");
        }
    }

    private HttpResponse<String> get(String path, Map<String, String> cookies) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), cookies);
    }

    private HttpResponse<String> post(String path, Map<String, String> cookies, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), cookies);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies)
            throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // The console's cookies all share Path=/console, so a name is enough; an empty value clears one.
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] pair = header.split(";", 2)[0].split("=", 2);
            if (pair.length < 2 || pair[1].isEmpty()) {
                cookies.remove(pair[0]);
            } else {
                cookies.put(pair[0], pair[1]);
            }
        }
        return response;
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + " answered "
                    + response.statusCode() + " instead of " + status);
        }
        return response;
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return matcher.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
