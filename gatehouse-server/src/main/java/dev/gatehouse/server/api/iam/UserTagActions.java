package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.core.user.UserService;
import dev.gatehouse.server.api.ActionTable;
import dev.gatehouse.server.api.ApiRequest;
import dev.gatehouse.server.api.Arns;
import dev.gatehouse.server.api.Inputs;
import dev.gatehouse.server.api.Shapes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** TagUser, UntagUser, ListUserTags. */
public final class UserTagActions {

    private final UserService users;

    public UserTagActions(UserService users) {
        this.users = users;
    }

    public void addTo(ActionTable table) {
        table.add("TagUser", this::tagUser)
                .add("UntagUser", this::untagUser)
                .addRead("ListUserTags", this::listUserTags);
    }

    private Map<String, ?> tagUser(ApiRequest request) {
        UserName name = authorizeAdministration(request);
        users.tagUser(request.account(), name, Inputs.tags(request.input()));
        return Map.of();
    }

    private Map<String, ?> untagUser(ApiRequest request) {
        UserName name = authorizeAdministration(request);
        List<String> keys = request.input().list("TagKeys");
        users.untagUser(request.account(), name, keys);
        return Map.of();
    }

    /** A user may read its own tags; the tags are sorted by key, which is also the paging order. */
    private Map<String, ?> listUserTags(ApiRequest request) {
        UserName name = UserName.of(request.input().requiredString("UserName"));
        request.authorizeOnUser(name);
        Tags tags = users.getUser(request.account(), name).tags();
        Page<Map.Entry<String, String>> page = Page.of(List.copyOf(tags.values().entrySet()), Inputs.marker(request.input()),
                Inputs.maxItems(request.input()), Map.Entry::getKey);
        return Shapes.page("Tags", page, tag -> Map.of("Key", tag.getKey(), "Value", tag.getValue()));
    }

    private static UserName authorizeAdministration(ApiRequest request) {
        UserName name = UserName.of(request.input().requiredString("UserName"));
        request.authorize(Arns.user(request.account(), name), Optional.empty());
        return name;
    }
}
