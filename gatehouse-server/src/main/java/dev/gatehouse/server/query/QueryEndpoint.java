package dev.gatehouse.server.query;

import dev.gatehouse.server.Endpoints;
import dev.gatehouse.server.metrics.ApiMetrics;
import dev.gatehouse.server.sigv4.AuthenticationFailure;
import dev.gatehouse.server.sigv4.QueryStrings;
import dev.gatehouse.server.sigv4.SigV4Verifier;
import dev.gatehouse.server.sigv4.SignableRequest;
import dev.gatehouse.server.sigv4.VerifiedRequest;
import io.javalin.config.RoutesConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The AWS query endpoint: {@code POST /} with a form body, or {@code GET /} with a query string.
 * Each request is verified (SigV4), routed to a service by the signature's scope and to an action
 * by {@code Action}, its input validated against the model, and answered in the XML the SDKs parse.
 *
 * <p>It is served by {@link QueryHttpHandler} on Jetty itself, ahead of Javalin: the API is the
 * server's hot path, and Javalin's servlet layer cost more than the endpoint's own work.
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

    /** No Javalin routes: the endpoint answers {@linkplain #ahead() ahead of Javalin}. */
    @Override
    public void addTo(RoutesConfig routes) {
    }

    @Override
    public Optional<Handler> ahead() {
        return Optional.of(new QueryHttpHandler(this));
    }

    /** What the endpoint answers: an HTTP status and the XML body. */
    public record Answer(int status, String xml) {
    }

    /** Answers {@code request}, which came from {@code sourceIp}. */
    public Answer answer(SignableRequest request, String sourceIp) {
        long started = System.nanoTime();
        String requestId = requestId();
        MDC.put("requestId", requestId);
        Outcome outcome = new Outcome();
        try {
            return serve(request, sourceIp, requestId, outcome);
        } catch (RuntimeException unanswered) {
            // serve answers every failure of the request; this is a failure in answering one (an
            // error mapper that threw). Left to Jetty, it would reach the client as an HTML page
            // naming the exception and its message.
            LOG.error("Request {} failed", requestId, unanswered);
            return failed(outcome, defaultWriter, ApiError.internal(), requestId);
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

    private Answer serve(SignableRequest request, String sourceIp, String requestId, Outcome outcome) {
        XmlResponseWriter writer = defaultWriter;
        try {
            List<Map.Entry<String, String>> query = parse(request.rawQuery());
            VerifiedRequest<P> verified = verifier.verify(request, query);
            Route<P> route = services.get(verified.service());
            writer = route.writer();
            outcome.service = verified.service();

            Map<String, String> parameters = parameters(query, request);
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
                    verified.region(), requestId, sourceIp, request.header("User-Agent").orElse(""));
            Map<String, ?> result = handler.handle(actionContext, input);
            return new Answer(200, writer.result(operation, result, requestId));
        } catch (AuthenticationFailure failure) {
            return failed(outcome, writer, new ApiError(failure.code(), failure.getMessage(), failure.status()), requestId);
        } catch (ValidationException invalid) {
            return failed(outcome, writer, new ApiError("ValidationError", invalid.getMessage(), 400), requestId);
        } catch (ApiFailure failure) {
            return failed(outcome, writer, failure.error, requestId);
        } catch (RuntimeException exception) {
            ApiError error = errors.map(exception).orElseGet(() -> {
                LOG.error("Request {} failed", requestId, exception);
                return ApiError.internal();
            });
            return failed(outcome, writer, error, requestId);
        }
    }

    /**
     * Answers a request the endpoint refused before reading it (such as one too large to read),
     * counted and logged like any other.
     */
    Answer refuse(ApiError error) {
        String requestId = requestId();
        Outcome outcome = new Outcome();
        Answer answer = failed(outcome, defaultWriter, error, requestId);
        metrics.record(outcome.service, outcome.action, outcome.code, Duration.ZERO);
        return answer;
    }

    private static ApiError invalidAction(String action, Route<?> route) {
        return new ApiError("InvalidAction", "Could not find operation " + action + " for version "
                + route.service().model().apiVersion(), 400);
    }

    /** The answer with {@code error}, whose code the outcome records. */
    private static Answer failed(Outcome outcome, XmlResponseWriter writer, ApiError error, String requestId) {
        outcome.code = error.code();
        return new Answer(error.status(), writer.error(error.code(), error.message(), error.status(), requestId));
    }

    /** Query-string and form parameters together; the body counts only when it is a form. */
    private static Map<String, String> parameters(List<Map.Entry<String, String>> query, SignableRequest request) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>(query);
        String contentType = request.header("Content-Type").orElse("");
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
