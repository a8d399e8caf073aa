package dev.gatehouse.server.query;

import dev.gatehouse.server.Endpoints;
import dev.gatehouse.server.metrics.ApiMetrics;
import dev.gatehouse.server.sigv4.AuthenticationFailure;
import dev.gatehouse.server.sigv4.QueryStrings;
import dev.gatehouse.server.sigv4.SigV4Verifier;
import dev.gatehouse.server.sigv4.SignableRequest;
import dev.gatehouse.server.sigv4.VerifiedRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The AWS query endpoint: {@code POST /} with a form body, or {@code GET /} with a query string.
 * Each request is verified (SigV4), routed to a service by the signature's scope and to an action
 * by {@code Action}, its input validated against the model, and answered in the XML the SDKs parse.
 */
public final class QueryEndpoint<P> implements Endpoints {

    private static final Logger LOG = LoggerFactory.getLogger(QueryEndpoint.class);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final SigV4Verifier<P> verifier;
    private final Map<String, Route<P>> services;
    private final ApiErrorMapper errors;
    private final XmlResponseWriter defaultWriter;
    private final ApiMetrics metrics;

    private record Route<P>(QueryService<P> service, QueryInputParser parser, XmlResponseWriter writer) {
    }

    public QueryEndpoint(SigV4Verifier<P> verifier, List<QueryService<P>> services, ApiErrorMapper errors,
            ApiMetrics metrics) {
        this.verifier = verifier;
        this.services = services.stream().collect(Collectors.toUnmodifiableMap(QueryService::signingName,
                service -> new Route<>(service, new QueryInputParser(service.model()), new XmlResponseWriter(service.model()))));
        this.errors = errors;
        this.defaultWriter = new XmlResponseWriter(services.get(0).model());
        this.metrics = metrics;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/", this::handle);
        routes.get("/", this::handle);
    }

    void handle(Context context) {
        long started = System.nanoTime();
        String requestId = requestId();
        MDC.put("requestId", requestId);
        Outcome outcome = new Outcome();
        try {
            serve(context, requestId, outcome);
        } finally {
            metrics.record(outcome.service, outcome.action, outcome.code, Duration.ofNanos(System.nanoTime() - started));
            MDC.remove("requestId");
        }
    }

    /**
     * A random (version 4) UUID, as AWS's request IDs are. It names a request in logs and is no
     * secret, so it comes from the thread's own generator rather than the shared SecureRandom
     * that {@link UUID#randomUUID()} locks.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** What the metrics need to know of a request once it is answered. */
    private static final class Outcome {
        String service;
        String action;
        String code = "Success";
    }

    private void serve(Context context, String requestId, Outcome outcome) {
        XmlResponseWriter writer = defaultWriter;
        try {
            SignableRequest request = signable(context);
            List<Map.Entry<String, String>> query = parse(request.rawQuery());
            VerifiedRequest<P> verified = verifier.verify(request, query);
            Route<P> route = services.get(verified.service());
            writer = route.writer();
            outcome.service = verified.service();

            Map<String, String> parameters = parameters(query, request, context);
            String action = parameters.get("Action");
            outcome.action = action;
            if (action == null || action.isEmpty()) {
                throw new ApiFailure(new ApiError("MissingAction", "Missing Action", 400));
            }
            ServiceModel.Operation operation = route.service().model().operation(action)
                    .orElseThrow(() -> new ApiFailure(invalidAction(action, route)));
            ActionHandler<P> handler = Optional.ofNullable(route.service().actions().get(action))
                    .orElseThrow(() -> new ApiFailure(new ApiError("InvalidAction",
                            "Gatehouse does not implement " + action + " yet", 400)));
            QueryInput input = operation.input().map(shape -> route.parser().parse(shape, parameters))
                    .orElse(new QueryInput(Map.of()));

            ActionContext<P> actionContext = new ActionContext<>(verified.principal(), verified.accessKeyId(),
                    verified.region(), requestId, context.ip(), Optional.ofNullable(context.header("User-Agent")).orElse(""));
            Map<String, ?> result = handler.handle(actionContext, input);
            respond(context, 200, writer.result(operation, result, requestId));
        } catch (AuthenticationFailure failure) {
            outcome.code = respondWith(context, writer, new ApiError(failure.code(), failure.getMessage(), failure.status()), requestId);
        } catch (ValidationException invalid) {
            outcome.code = respondWith(context, writer, new ApiError("ValidationError", invalid.getMessage(), 400), requestId);
        } catch (ApiFailure failure) {
            outcome.code = respondWith(context, writer, failure.error, requestId);
        } catch (RuntimeException exception) {
            ApiError error = errors.map(exception).orElseGet(() -> {
                LOG.error("Request {} failed", requestId, exception);
                return ApiError.internal();
            });
            outcome.code = respondWith(context, writer, error, requestId);
        }
    }

    private static ApiError invalidAction(String action, Route<?> route) {
        return new ApiError("InvalidAction", "Could not find operation " + action + " for version "
                + route.service().model().apiVersion(), 400);
    }

    /** Answers with {@code error} and returns its code. */
    private static String respondWith(Context context, XmlResponseWriter writer, ApiError error, String requestId) {
        respond(context, error.status(), writer.error(error.code(), error.message(), error.status(), requestId));
        return error.code();
    }

    private static void respond(Context context, int status, String xml) {
        context.status(status).contentType("text/xml").result(xml);
    }

    private static SignableRequest signable(Context context) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(context.req().getHeaderNames())) {
            headers.put(name, Collections.list(context.req().getHeaders(name)));
        }
        String rawPath = Optional.ofNullable(context.req().getRequestURI()).orElse("/");
        return new SignableRequest(context.method().name(), rawPath, context.queryString(), headers, context.bodyAsBytes());
    }

    /** Query-string and form parameters together; the body counts only when it is a form. */
    private static Map<String, String> parameters(List<Map.Entry<String, String>> query, SignableRequest request,
            Context context) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>(query);
        String contentType = Optional.ofNullable(context.contentType()).orElse("");
        if (request.body().length > 0 && contentType.regionMatches(true, 0, FORM, 0, FORM.length())) {
            pairs.addAll(parse(new String(request.body(), StandardCharsets.UTF_8)));
        }
        // The signature's own parameters are not the operation's.
        pairs.removeIf(pair -> pair.getKey().startsWith("X-Amz-"));
        return QueryInputParser.flatten(pairs);
    }

    private static List<Map.Entry<String, String>> parse(String encoded) {
        try {
            return QueryStrings.parse(encoded);
        } catch (IllegalArgumentException e) {
            throw new ApiFailure(new ApiError("MalformedQueryString", "The query string or form body is malformed: "
                    + e.getMessage(), 400));
        }
    }

    /** A failure decided by the endpoint itself, before any action runs. */
    private static final class ApiFailure extends RuntimeException {
        private final ApiError error;

        ApiFailure(ApiError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

}
