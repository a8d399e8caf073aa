package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.core.user.UserService;
import dev.gatehouse.server.api.ApiRequest;
import dev.gatehouse.server.api.Arns;
import java.util.Optional;

/**
 * Whose credentials an action touches: the user named by {@code UserName}, or the caller itself
 * when the input names nobody, as AWS reads an absent UserName.
 */
final class Principals {

    private final UserService users;

    Principals(UserService users) {
        this.users = users;
    }

    /** The principal and, for an IAM user, its name. */
    record Subject(PrincipalRef principal, Optional<UserName> userName) {
    }

    /** Authorizes the caller on the subject named by the input's optional {@code UserName}, then finds it. */
    Subject authorizedSubject(ApiRequest request) {
        Optional<UserName> named = request.input().string("UserName").map(UserName::of);
        request.authorizeOnUserOrSelf(named);
        if (named.isEmpty()) {
            return new Subject(request.caller().principal(), request.caller().userName());
        }
        IamUser user = users.getUser(request.account(), named.get());
        return new Subject(user.principal(), Optional.of(user.name()));
    }

    /** The IAM user's name; empty for the root user or a user deleted meanwhile. */
    Optional<UserName> userNameOf(PrincipalRef principal) {
        if (principal instanceof PrincipalRef.User user) {
            return users.findUser(user.accountId(), user.userId()).map(IamUser::name);
        }
        return Optional.empty();
    }

    /** Authorizes the caller on {@code principal}'s credentials: a user's by name, the root user's as the account's. */
    void authorizeOn(ApiRequest request, PrincipalRef principal, Optional<UserName> userName) {
        if (userName.isPresent()) {
            request.authorizeOnUser(userName.get());
        } else {
            request.authorize(Arns.account(request.account()), Optional.of(principal));
        }
    }
}
