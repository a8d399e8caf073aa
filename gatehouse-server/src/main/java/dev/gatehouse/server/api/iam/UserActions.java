package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.account.AccountService;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.core.user.UserService;
import dev.gatehouse.server.api.ActionTable;
import dev.gatehouse.server.api.ApiRequest;
import dev.gatehouse.server.api.Arns;
import dev.gatehouse.server.api.Inputs;
import dev.gatehouse.server.api.Shapes;
import java.util.Map;
import java.util.Optional;

/** CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser. */
public final class UserActions {

    private final UserService users;
    private final AccountService accounts;

    public UserActions(UserService users, AccountService accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    public void addTo(ActionTable table) {
        table.add("CreateUser", this::createUser)
                .addRead("GetUser", this::getUser)
                .addRead("ListUsers", this::listUsers)
                .add("UpdateUser", this::updateUser)
                .add("DeleteUser", this::deleteUser);
    }

    private Map<String, ?> createUser(ApiRequest request) {
        UserName name = UserName.of(request.input().requiredString("UserName"));
        request.authorizeOnUser(name);
        IamUser user = users.createUser(request.account(), name, IamPath.ofNullable(request.input().string("Path").orElse(null)),
                Inputs.tags(request.input()), request.origin());
        return Map.of("User", Shapes.user(user));
    }

    /** Without a UserName, the caller itself, as AWS does; the root user has no IAM user to show. */
    private Map<String, ?> getUser(ApiRequest request) {
        Optional<UserName> name = request.input().string("UserName").map(UserName::of).or(() -> request.caller().userName());
        request.authorizeOnUserOrSelf(name);
        if (name.isEmpty()) {
            return Map.of("User", rootUser(request));
        }
        return Map.of("User", Shapes.user(users.getUser(request.account(), name.get())));
    }

    /** AWS answers GetUser for the root user with the account's root identity: no name, no path. */
    private Map<String, Object> rootUser(ApiRequest request) {
        return Map.of("UserId", request.account().toString(), "Arn", request.caller().arn(),
                "CreateDate", accounts.getAccount(request.account()).createdAt());
    }

    private Map<String, ?> listUsers(ApiRequest request) {
        request.authorize(Arns.users(request.account()), Optional.empty());
        return Shapes.page("Users", users.listUsers(request.account(), Inputs.marker(request.input()),
                Inputs.maxItems(request.input())), Shapes::user);
    }

    /** Renaming or moving a user is administration, even of oneself. */
    private Map<String, ?> updateUser(ApiRequest request) {
        UserName name = UserName.of(request.input().requiredString("UserName"));
        request.authorize(Arns.user(request.account(), name), Optional.empty());
        users.updateUser(request.account(), name, request.input().string("NewUserName").map(UserName::of),
                request.input().string("NewPath").map(IamPath::new), request.origin());
        return Map.of();
    }

    private Map<String, ?> deleteUser(ApiRequest request) {
        UserName name = UserName.of(request.input().requiredString("UserName"));
        // Not authorizeOnUser: deleting oneself is administration, not managing one's credentials.
        request.authorize(Arns.user(request.account(), name), Optional.empty());
        users.deleteUser(request.account(), name, request.origin());
        return Map.of();
    }
}
