package dev.gatehouse.bench.console;

import dev.gatehouse.bench.KeepAliveHttp;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One IAM user's console sign-in with password and MFA over HTTP, request for request what a browser
 * sends: the sign-in page (for its form token), the password form, the MFA page (for the pending
 * session's token), the code form, and the dashboard it lands on. Each sign-in starts without
 * cookies, as a new browser would. Anything but the expected answer at any step is an error.
 *
 * <p>The client is {@link KeepAliveHttp}, whose CPU the benchmark reports apart from the server's:
 * well under a millisecond per sign-in, where {@code java.net.http.HttpClient} took about a quarter
 * of the CPU a sign-in cost.
 */
final class ConsoleSignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    /** The header's badge: the dashboard of a session made with MFA. */
    private static final String SIGNED_IN_WITH_MFA = "Signed in with MFA";

    private final URI base;

    ConsoleSignIn(URI base) {
        this.base = base;
    }

    /** Signs {@code userName} in with {@code password} and {@code code}; throws unless it lands on the dashboard. */
    void signIn(String account, String userName, String password, String code) throws IOException {
        Map<String, String> cookies = new HashMap<>();
        String signInPage = expect(200, get("/console/signin", cookies)).body();
        String pending = expect(303, post("/console/signin", cookies, Map.of("csrf", csrf(signInPage), "kind", "user",
                "account", account, "username", userName, "password", password))).location();
        if (!pending.equals("/console/signin/mfa")) {
            throw new IllegalStateException("the password step led to " + pending + ", not to the MFA page");
        }
        String mfaPage = expect(200, get(pending, cookies)).body();
        String landed = expect(303, post(pending, cookies, Map.of("csrf", csrf(mfaPage), "code", code))).location();
        String dashboard = expect(200, get(landed, cookies)).body();
        if (!dashboard.contains(SIGNED_IN_WITH_MFA)) {
            throw new IllegalStateException("the code step led to " + landed + ", not to a dashboard signed in with MFA");
        }
    }

    /** What the client needs of an answer. */
    private record Response(String request, int status, String location, String body) {
    }

    private Response get(String path, Map<String, String> cookies) throws IOException {
        return send("GET", path, cookies, null);
    }

    private Response post(String path, Map<String, String> cookies, Map<String, String> form) throws IOException {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, cookies, body);
    }

    private Response send(String method, String path, Map<String, String> cookies, String form) throws IOException {
        HttpURLConnection connection = KeepAliveHttp.open(base.resolve(path), method);
        connection.setInstanceFollowRedirects(false);
        if (!cookies.isEmpty()) {
            connection.setRequestProperty("Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        if (form != null) {
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            KeepAliveHttp.send(connection, form.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        String body = KeepAliveHttp.body(connection);
        // The console's cookies all share Path=/console, so a name is enough; an empty value clears one.
        for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
            if (header.getKey() == null || !header.getKey().equalsIgnoreCase("Set-Cookie")) {
                continue;
            }
            for (String value : header.getValue()) {
                String[] pair = value.split(";", 2)[0].split("=", 2);
                if (pair.length < 2 || pair[1].isEmpty()) {
                    cookies.remove(pair[0]);
                } else {
                    cookies.put(pair[0], pair[1]);
                }
            }
        }
        String location = connection.getHeaderField("Location");
        return new Response(method + " " + path, status, location == null ? "" : location, body);
    }

    private static Response expect(int status, Response response) {
        if (response.status() != status) {
            throw new IllegalStateException(response.request() + " answered " + response.status() + " instead of " + status);
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
