package dev.gatehouse.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * An AWS service model in botocore's JSON form: the operations a service has and the shapes of
 * their inputs, outputs and errors. The query API is driven by it, so that every constraint AWS
 * publishes is enforced and every response has the shape the SDKs parse.
 */
public final class ServiceModel {

    /** An operation: its input and output shapes, and the element that wraps its result. */
    public record Operation(String name, Optional<String> input, Optional<String> output, Optional<String> resultWrapper) {
    }

    private final String serviceId;
    private final String apiVersion;
    private final String xmlNamespace;
    private final Map<String, Operation> operations;
    private final Map<String, Shape> shapes;

    private ServiceModel(String serviceId, String apiVersion, String xmlNamespace, Map<String, Operation> operations,
            Map<String, Shape> shapes) {
        this.serviceId = serviceId;
        this.apiVersion = apiVersion;
        this.xmlNamespace = xmlNamespace;
        this.operations = Map.copyOf(operations);
        this.shapes = Map.copyOf(shapes);
    }

    /** The IAM model, 2010-05-08. */
    public static ServiceModel iam() {
        return Models.IAM;
    }

    /** The STS model, 2011-06-15. */
    public static ServiceModel sts() {
        return Models.STS;
    }

    /** Loaded once, on first use. */
    private static final class Models {
        static final ServiceModel IAM = load("iam-2010-05-08.json.gz");
        static final ServiceModel STS = load("sts-2011-06-15.json.gz");
    }

    static ServiceModel load(String resource) {
        try (InputStream in = ServiceModel.class.getResourceAsStream("models/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("service model " + resource + " is missing from the classpath");
            }
            return parse(new ObjectMapper().readTree(new GZIPInputStream(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read service model " + resource, e);
        }
    }

    static ServiceModel parse(JsonNode root) {
        JsonNode metadata = root.path("metadata");
        Map<String, Operation> operations = new HashMap<>();
        root.path("operations").fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            operations.put(entry.getKey(), new Operation(entry.getKey(),
                    text(operation.path("input"), "shape"),
                    text(operation.path("output"), "shape"),
                    text(operation.path("output"), "resultWrapper")));
        });
        Map<String, Shape> shapes = new HashMap<>();
        root.path("shapes").fields().forEachRemaining(entry -> shapes.put(entry.getKey(), shape(entry.getKey(), entry.getValue())));
        return new ServiceModel(metadata.path("serviceId").asText(), metadata.path("apiVersion").asText(),
                metadata.path("xmlNamespace").asText(), operations, shapes);
    }

    private static Shape shape(String name, JsonNode node) {
        Map<String, Shape.Member> members = new LinkedHashMap<>();
        node.path("members").fields().forEachRemaining(member ->
                members.put(member.getKey(), new Shape.Member(member.getValue().path("shape").asText())));
        Set<String> required = new HashSet<>();
        node.path("required").forEach(item -> required.add(item.asText()));
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(item -> enumValues.add(item.asText()));
        Optional<Shape.ErrorInfo> error = node.has("error")
                ? Optional.of(new Shape.ErrorInfo(node.path("error").path("code").asText(name),
                        node.path("error").path("httpStatusCode").asInt(400), node.path("error").path("senderFault").asBoolean(false)))
                : Optional.empty();
        return new Shape(name, Shape.Type.valueOf(node.path("type").asText().toUpperCase(Locale.ROOT)), members, required,
                node.has("min") ? OptionalLong.of(node.path("min").asLong()) : OptionalLong.empty(),
                node.has("max") ? OptionalLong.of(node.path("max").asLong()) : OptionalLong.empty(),
                text(node, "pattern").map(ServiceModel::compilePattern),
                enumValues, node.path("sensitive").asBoolean(false) || ALSO_SENSITIVE.contains(name),
                node.path("member").path("shape").asText(null),
                node.path("key").path("shape").asText(null),
                node.path("value").path("shape").asText(null),
                error);
    }

    /**
     * Shapes the models do not mark sensitive but that Gatehouse never echoes or logs: one-time
     * codes, which a guesser could otherwise read back from an error message or a log file.
     */
    private static final Set<String> ALSO_SENSITIVE = Set.of("authenticationCodeType", "tokenCodeType");

    private static final Pattern LONG_UNICODE_ESCAPE = Pattern.compile("\\\\u(10[0-9A-Fa-f]{4}|[0-9A-Fa-f]{5})");

    /**
     * Compiles a model pattern for Java. The models write code points above U+FFFF as
     * {@code \u10000}, which Java would read as {@code \u1000} followed by '0'; Java spells them
     * {@code \x{10000}}.
     */
    static Pattern compilePattern(String pattern) {
        Matcher matcher = LONG_UNICODE_ESCAPE.matcher(pattern);
        return Pattern.compile(matcher.replaceAll(match -> Matcher.quoteReplacement("\\x{" + match.group(1) + "}")));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    public String serviceId() {
        return serviceId;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String xmlNamespace() {
        return xmlNamespace;
    }

    public Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Set<String> operationNames() {
        return operations.keySet();
    }

    /**
     * @throws IllegalArgumentException if the model has no such shape, which is a bug in the caller
     */
    public Shape shape(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException(serviceId + " model has no shape " + name);
        }
        return shape;
    }
}
