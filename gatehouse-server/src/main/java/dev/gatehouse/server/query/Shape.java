package dev.gatehouse.server.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One shape of an AWS service model: its type and the constraints the service enforces.
 *
 * @param members a structure's members in model order, by wire name
 * @param member a list's element shape
 * @param key a map's key shape
 * @param value a map's value shape
 * @param error for an exception shape, its code and HTTP status
 */
public record Shape(String name, Type type, Map<String, Shape.Member> members, Set<String> required,
        OptionalLong min, OptionalLong max, Optional<Pattern> pattern, List<String> enumValues, boolean sensitive,
        String member, String key, String value, Optional<ErrorInfo> error) {

    /** The shape types the query protocol uses. */
    public enum Type { STRUCTURE, LIST, MAP, STRING, INTEGER, LONG, BOOLEAN, TIMESTAMP, BLOB, DOUBLE, FLOAT }

    /** A structure member: the name of its shape. */
    public record Member(String shape) {
    }

    /** An exception shape's error code, HTTP status and fault side. */
    public record ErrorInfo(String code, int httpStatus, boolean senderFault) {
    }

    public Shape {
        members = members == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        required = required == null ? Set.of() : Set.copyOf(required);
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }
}
