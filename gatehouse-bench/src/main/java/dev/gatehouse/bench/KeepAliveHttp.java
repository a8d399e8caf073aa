package dev.gatehouse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The benchmarks' HTTP client: the JDK's blocking {@link HttpURLConnection} with its keep-alive
 * connections. All of its work happens on the calling thread, so that thread's CPU time is the
 * client's, and it costs a fraction of {@code java.net.http.HttpClient}, whose selector thread,
 * executor and futures took their share of the cores the measured server runs on.
 */
public final class KeepAliveHttp {

    static {
        // Keep-alive keeps 5 idle connections per server by default: above that concurrency the rest
        // would connect anew for each request, which neither a browser nor an SDK does. Set before the
        // first connection, which is what reads it.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "256");
        }
    }

    private KeepAliveHttp() {
    }

    /** A connection for one {@code method} request to {@code uri}, an idle kept-alive one if there is one. */
    public static HttpURLConnection open(URI uri, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setUseCaches(false);
        return connection;
    }

    /**
     * Sends {@code body}, buffered rather than streamed: it goes out in one write with the headers,
     * as browsers and the SDKs send a small form. Streamed, the body followed the headers in a second
     * small write, which Nagle's algorithm (this client does not set TCP_NODELAY; browsers do) held
     * back until the server acknowledged the first: a millisecond per POST that was the client's.
     */
    public static void send(HttpURLConnection connection, byte[] body) throws IOException {
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
    }

    /**
     * The whole body of the answer, error or not, read to the end and closed, so that the connection
     * goes back to the keep-alive cache.
     */
    public static String body(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
