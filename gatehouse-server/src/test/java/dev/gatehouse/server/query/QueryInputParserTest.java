package dev.gatehouse.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryInputParserTest {

    private final QueryInputParser iam = new QueryInputParser(ServiceModel.iam());
    private final QueryInputParser sts = new QueryInputParser(ServiceModel.sts());

    @Test
    void readsScalarsListsAndNestedStructures() {
        QueryInput input = iam.parse("CreateVirtualMFADeviceRequest", Map.of(
                "VirtualMFADeviceName", "alice-phone",
                "Path", "/engineering/",
                "Tags.member.1.Key", "team",
                "Tags.member.1.Value", "security",
                "Tags.member.2.Key", "owner",
                "Tags.member.2.Value", "alice"));

        assertThat(input.requiredString("VirtualMFADeviceName")).isEqualTo("alice-phone");
        assertThat(input.string("Path")).hasValue("/engineering/");
        List<QueryInput> tags = input.list("Tags");
        assertThat(tags).extracting(tag -> tag.requiredString("Key")).containsExactly("team", "owner");
    }

    @Test
    void readsIntegersAndEnums() {
        QueryInput input = iam.parse("ListVirtualMFADevicesRequest", Map.of("AssignmentStatus", "Unassigned", "MaxItems", "5"));

        assertThat(input.string("AssignmentStatus")).hasValue("Unassigned");
        assertThat(input.integer("MaxItems")).hasValue(5);
    }

    @Test
    void reportsAMissingRequiredMember() {
        assertThatThrownBy(() -> iam.parse("CreateUserRequest", Map.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThatThrownBy(() -> iam.parse("ListVirtualMFADevicesRequest", Map.of("AssignmentStatus", "Some", "MaxItems", "0")))
                .isInstanceOfSatisfying(ValidationException.class, error -> assertThat(error.violations()).containsExactlyInAnyOrder(
                        "Value 'Some' at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set: [Assigned, Unassigned, Any]",
                        "Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"))
                .hasMessageStartingWith("2 validation errors detected: ");
    }

    @Test
    void reportsLengthsAgainstTheModel() {
        assertThatThrownBy(() -> iam.parse("CreateUserRequest", Map.of("UserName", "a".repeat(65))))
                .hasMessageContaining("at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64");
    }

    @Test
    void neverEchoesSensitiveValues() {
        assertThatThrownBy(() -> iam.parse("EnableMFADeviceRequest", Map.of("UserName", "alice",
                "SerialNumber", "arn:aws:iam::123456789012:mfa/alice", "AuthenticationCode1", "12345x", "AuthenticationCode2", "123456")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Value at 'authenticationCode1' failed to satisfy constraint")
                .hasMessageNotContaining("12345x");
    }

    @Test
    void reportsANumberThatIsNotANumber() {
        assertThatThrownBy(() -> sts.parse("GetSessionTokenRequest", Map.of("DurationSeconds", "soon")))
                .hasMessageContaining("Value 'soon' at 'durationSeconds' failed to satisfy constraint: Member must be a whole number");
    }

    @Test
    void readsAnEmptyListSentAsTheBareName() {
        QueryInput input = iam.parse("UntagUserRequest", Map.of("UserName", "alice", "TagKeys", ""));

        assertThat(input.has("TagKeys")).isTrue();
        assertThat(input.<String>list("TagKeys")).isEmpty();
    }

    @Test
    void checksTheSizeOfLists() {
        java.util.HashMap<String, String> parameters = new java.util.HashMap<>(Map.of("UserName", "alice"));
        for (int i = 1; i <= 51; i++) {
            parameters.put("Tags.member." + i + ".Key", "k" + i);
            parameters.put("Tags.member." + i + ".Value", "v");
        }

        assertThatThrownBy(() -> iam.parse("TagUserRequest", parameters))
                .hasMessageContaining("Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
    }

    @Test
    void refusesAParameterGivenTwiceWithDifferentValues() {
        assertThatThrownBy(() -> QueryInputParser.flatten(List.of(Map.entry("UserName", "alice"), Map.entry("UserName", "bob"))))
                .hasMessageContaining("'UserName' was given more than once");
    }
}
