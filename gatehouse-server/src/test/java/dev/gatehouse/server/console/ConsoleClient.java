package dev.gatehouse.server.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser without JavaScript over the JDK's HttpClient: it keeps the cookies the console sets
 * (by name, as the console scopes them all to {@code /console}), does not follow redirects unless
 * asked, so a test sees each 303, and submits forms as they are on the page.
 */
public final class ConsoleClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    ConsoleClient(URI base) {
        this.base = base;
    }

    /** One answer: status, headers, body, and the body parsed as HTML. */
    public record Response(int status, HttpResponse<String> raw) {

        public String body() {
            return raw.body();
        }

        public Document page() {
            return Jsoup.parse(raw.body());
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String location() {
            return header("Location").orElseThrow(() -> new AssertionError("no Location in a " + status + " answer"));
        }

        /** The {@code Set-Cookie} header that sets {@code name}, whole, with its attributes. */
        public Optional<String> setCookie(String name) {
            return raw.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "=")).findFirst();
        }

        public HtmlForm form(String selector) {
            return HtmlForm.of(page(), selector);
        }

        /** The text of the element matching {@code selector}, or empty. */
        public String text(String selector) {
            return Optional.ofNullable(page().selectFirst(selector)).map(element -> element.text()).orElse("");
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** GETs {@code path}, then follows redirects to the page they end on. */
    public Response open(String path) {
        return follow(get(path));
    }

    public Response post(String path, Map<String, String> form) {
        return postRaw(path, form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")));
    }

    /** Posts {@code body} as a form, as sent: for bodies no browser would send. */
    public Response postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response submit(HtmlForm form) {
        return post(form.action(), form.fields());
    }

    /** Follows redirects from {@code response}, as a browser does after a form's 303. */
    public Response follow(Response response) {
        Response current = response;
        for (int hops = 0; current.status() / 100 == 3; hops++) {
            if (hops == 10) {
                throw new AssertionError("redirect loop at " + current.location());
            }
            current = get(current.location());
        }
        return current;
    }

    /** Fills in and sends the root user's sign-in form; the answer is a 303 onwards, or 401. */
    public Response signInAsRoot(String email, String password) {
        return submit(get("/console/signin").form("form#root-signin").set("email", email).set("password", password));
    }

    /** Fills in and sends the IAM user's sign-in form. */
    public Response signInAsUser(String accountIdOrAlias, String userName, String password) {
        return submit(get("/console/signin").form("form#user-signin").set("account", accountIdOrAlias)
                .set("username", userName).set("password", password));
    }

    /** Sends the MFA page's form with {@code code} (and {@code serial}, where it asks to choose). */
    public Response enterCode(String code, Optional<String> serial) {
        HtmlForm form = get("/console/signin/mfa").form("form[action=/console/signin/mfa]").set("code", code);
        serial.ifPresent(chosen -> form.set("serial", chosen));
        return submit(form);
    }

    /** Signs in as root, with a code when the MFA page asks for one, and returns the dashboard. */
    public Response signInAsRoot(String email, String password, ConsoleServer.Authenticator authenticator) {
        Response afterPassword = signInAsRoot(email, password);
        return follow(afterPassword.location().equals("/console/signin/mfa")
                ? enterCode(authenticator.code(0), Optional.empty()) : afterPassword);
    }

    /** Sends the header's sign-out form of the page at {@code path}. */
    public Response signOut(String path) {
        return submit(get(path).form("form[action=/console/signout]"));
    }

    /** The value of cookie {@code name} this browser holds, if any. */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Replaces a cookie, as an attacker or an old tab would. */
    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public void forget(String name) {
        cookies.remove(name);
    }

    private Response send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keep(response.headers().allValues("Set-Cookie"));
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(List<String> setCookies) {
        for (String header : setCookies) {
            String[] parts = header.split(";");
            String[] pair = parts[0].split("=", 2);
            boolean expired = List.of(parts).stream().map(String::strip)
                    .anyMatch(attribute -> attribute.equalsIgnoreCase("Max-Age=0")) || pair[1].isEmpty();
            if (expired) {
                cookies.remove(pair[0]);
            } else {
                cookies.put(pair[0], pair[1]);
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
