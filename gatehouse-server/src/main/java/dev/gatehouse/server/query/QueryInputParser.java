package dev.gatehouse.server.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads an operation's input from flat query parameters the way the AWS query protocol writes
 * it ({@code Tags.member.1.Key}, {@code Map.entry.1.key}) and checks every constraint of the
 * model: required members, lengths, ranges, patterns and enumerations. All violations are
 * collected and reported together, as AWS does.
 */
public final class QueryInputParser {

    private final ServiceModel model;

    public QueryInputParser(ServiceModel model) {
        this.model = model;
    }

    /**
     * @throws ValidationException listing every violation
     */
    public QueryInput parse(String inputShape, Map<String, String> parameters) {
        List<String> violations = new ArrayList<>();
        QueryInput input = structure(model.shape(inputShape), "", "", parameters, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return input;
    }

    private QueryInput structure(Shape shape, String prefix, String path, Map<String, String> parameters,
            List<String> violations) {
        Map<String, Object> values = new LinkedHashMap<>();
        shape.members().forEach((name, member) -> {
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            String memberPath = path.isEmpty() ? lowerFirst(name) : path + "." + lowerFirst(name);
            Shape memberShape = model.shape(member.shape());
            Object value = value(memberShape, key, memberPath, parameters, violations);
            if (value != null) {
                values.put(name, value);
            } else if (shape.required().contains(name)) {
                violations.add("Value null at '" + memberPath + "' failed to satisfy constraint: Member must not be null");
            }
        });
        return new QueryInput(values);
    }

    private Object value(Shape shape, String key, String path, Map<String, String> parameters, List<String> violations) {
        return switch (shape.type()) {
            case STRUCTURE -> hasAnyUnder(key, parameters) ? structure(shape, key, path, parameters, violations) : null;
            case LIST -> list(shape, key, path, parameters, violations);
            case MAP -> map(shape, key, path, parameters, violations);
            default -> scalar(shape, parameters.get(key), path, violations);
        };
    }

    private List<Object> list(Shape shape, String key, String path, Map<String, String> parameters, List<String> violations) {
        // An empty list is sent as the bare name with an empty value.
        boolean present = parameters.containsKey(key);
        TreeSet<Integer> indexes = indexesUnder(key + ".member.", parameters);
        if (!present && indexes.isEmpty()) {
            return null;
        }
        Shape element = model.shape(shape.member());
        List<Object> values = new ArrayList<>();
        for (int index : indexes) {
            Object value = value(element, key + ".member." + index, path + "." + index + ".member", parameters, violations);
            if (value != null) {
                values.add(value);
            }
        }
        checkSize(shape, values.size(), path, violations);
        return values;
    }

    private Map<Object, Object> map(Shape shape, String key, String path, Map<String, String> parameters, List<String> violations) {
        TreeSet<Integer> indexes = indexesUnder(key + ".entry.", parameters);
        if (!parameters.containsKey(key) && indexes.isEmpty()) {
            return null;
        }
        Map<Object, Object> values = new LinkedHashMap<>();
        for (int index : indexes) {
            String entry = key + ".entry." + index;
            Object entryKey = value(model.shape(shape.key()), entry + ".key", path + "." + index + ".key", parameters, violations);
            Object entryValue = value(model.shape(shape.value()), entry + ".value", path + "." + index + ".value", parameters, violations);
            if (entryKey != null) {
                values.put(entryKey, entryValue);
            }
        }
        checkSize(shape, values.size(), path, violations);
        return values;
    }

    private Object scalar(Shape shape, String text, String path, List<String> violations) {
        if (text == null) {
            return null;
        }
        switch (shape.type()) {
            case STRING -> {
                checkString(shape, text, path, violations);
                return text;
            }
            case INTEGER, LONG -> {
                long number;
                try {
                    number = Long.parseLong(text.strip());
                } catch (NumberFormatException e) {
                    violations.add(describe(shape, text, path) + "Member must be a whole number");
                    return null;
                }
                checkRange(shape, number, text, path, violations);
                if (shape.type() == Shape.Type.INTEGER) {
                    return (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) ? null : (int) number;
                }
                return number;
            }
            case BOOLEAN -> {
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(text);
                }
                violations.add(describe(shape, text, path) + "Member must be true or false");
                return null;
            }
            case TIMESTAMP -> {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    violations.add(describe(shape, text, path) + "Member must be an ISO 8601 timestamp");
                    return null;
                }
            }
            case BLOB -> {
                try {
                    byte[] bytes = Base64.getDecoder().decode(text);
                    checkSize(shape, bytes.length, path, violations);
                    return bytes;
                } catch (IllegalArgumentException e) {
                    violations.add(describe(shape, text, path) + "Member must be base64-encoded");
                    return null;
                }
            }
            default -> throw new IllegalStateException("unexpected scalar type " + shape.type() + " in " + shape.name());
        }
    }

    private static void checkString(Shape shape, String text, String path, List<String> violations) {
        long length = text.codePointCount(0, text.length());
        if (shape.max().isPresent() && length > shape.max().getAsLong()) {
            violations.add(describe(shape, text, path) + "Member must have length less than or equal to " + shape.max().getAsLong());
        }
        if (shape.min().isPresent() && length < shape.min().getAsLong()) {
            violations.add(describe(shape, text, path) + "Member must have length greater than or equal to " + shape.min().getAsLong());
        }
        if (shape.pattern().isPresent() && !shape.pattern().get().matcher(text).matches()) {
            violations.add(describe(shape, text, path) + "Member must satisfy regular expression pattern: "
                    + shape.pattern().get().pattern());
        }
        if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(text)) {
            violations.add(describe(shape, text, path) + "Member must satisfy enum value set: " + shape.enumValues());
        }
    }

    private static void checkRange(Shape shape, long number, String text, String path, List<String> violations) {
        if (shape.max().isPresent() && number > shape.max().getAsLong()) {
            violations.add(describe(shape, text, path) + "Member must have value less than or equal to " + shape.max().getAsLong());
        }
        if (shape.min().isPresent() && number < shape.min().getAsLong()) {
            violations.add(describe(shape, text, path) + "Member must have value greater than or equal to " + shape.min().getAsLong());
        }
    }

    private static void checkSize(Shape shape, int size, String path, List<String> violations) {
        if (shape.max().isPresent() && size > shape.max().getAsLong()) {
            violations.add("Value at '" + path + "' failed to satisfy constraint: Member must have length less than or equal to "
                    + shape.max().getAsLong());
        }
        if (shape.min().isPresent() && size < shape.min().getAsLong()) {
            violations.add("Value at '" + path + "' failed to satisfy constraint: Member must have length greater than or equal to "
                    + shape.min().getAsLong());
        }
    }

    /** AWS quotes the offending value, except for sensitive members such as passwords and codes. */
    private static String describe(Shape shape, String text, String path) {
        return (shape.sensitive() ? "Value" : "Value '" + text + "'") + " at '" + path + "' failed to satisfy constraint: ";
    }

    private static boolean hasAnyUnder(String key, Map<String, String> parameters) {
        String prefix = key + ".";
        return parameters.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }

    private static TreeSet<Integer> indexesUnder(String prefix, Map<String, String> parameters) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String name : parameters.keySet()) {
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                int dot = rest.indexOf('.');
                try {
                    int index = Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot));
                    if (index >= 1) {
                        indexes.add(index);
                    }
                } catch (NumberFormatException e) {
                    // Not an element of this list; the model ignores unknown parameters, and so do we.
                }
            }
        }
        return indexes;
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Flattens name-value pairs, refusing a parameter given twice with different values. */
    public static Map<String, String> flatten(List<Map.Entry<String, String>> pairs) {
        Map<String, String> parameters = new HashMap<>();
        for (Map.Entry<String, String> pair : pairs) {
            String previous = parameters.putIfAbsent(pair.getKey(), pair.getValue());
            if (previous != null && !previous.equals(pair.getValue())) {
                throw new ValidationException(List.of("Parameter '" + pair.getKey() + "' was given more than once"));
            }
        }
        return parameters;
    }
}
