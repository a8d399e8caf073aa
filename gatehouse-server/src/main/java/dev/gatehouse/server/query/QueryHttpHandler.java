package dev.gatehouse.server.query;

import dev.gatehouse.server.sigv4.SignableRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves a {@link QueryEndpoint} on Jetty's own request API: {@code POST /}, and {@code GET /}
 * with a query string. Anything else is left to the handlers behind it (Javalin's routes, where
 * {@code GET /} alone leads a person to the console).
 */
final class QueryHttpHandler extends Handler.Abstract {

    /** The largest body read, as Javalin allows by default; IAM's own requests are far smaller. */
    static final int MAXIMUM_BODY_BYTES = 1_000_000;

    private final QueryEndpoint<?> endpoint;

    QueryHttpHandler(QueryEndpoint<?> endpoint) {
        // Blocking: the endpoint reads the body and the store on the request's own thread.
        super(InvocationType.BLOCKING);
        this.endpoint = endpoint;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        HttpURI uri = request.getHttpURI();
        if (!"/".equals(uri.getPath()) || !isQuery(request.getMethod(), uri.getQuery())) {
            return false;
        }
        QueryEndpoint.Answer answer = read(request)
                .map(body -> endpoint.answer(new SignableRequest(request.getMethod(), uri.getPath(), uri.getQuery(),
                        headers(request), body), Request.getRemoteAddr(request)))
                .orElseGet(() -> endpoint.refuse(new ApiError("RequestEntityTooLarge",
                        "The request body is larger than " + MAXIMUM_BODY_BYTES + " bytes.", 413)));
        byte[] xml = answer.xml().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, xml.length);
        response.write(true, ByteBuffer.wrap(xml), callback);
        return true;
    }

    private static boolean isQuery(String method, String query) {
        return HttpMethod.POST.is(method) || (HttpMethod.GET.is(method) && query != null && !query.isEmpty());
    }

    /** The body, or nothing when it is larger than the endpoint reads. */
    private static Optional<byte[]> read(Request request) throws IOException {
        if (request.getLength() > MAXIMUM_BODY_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] body = in.readNBytes(MAXIMUM_BODY_BYTES + 1);
            return body.length > MAXIMUM_BODY_BYTES ? Optional.empty() : Optional.of(body);
        }
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            // By lower-case name, so that a header sent several times keeps its values in wire order
            // whatever case each line used, as SigV4's canonical headers need.
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>(1)).add(field.getValue());
        }
        return headers;
    }
}
