package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.account.AccountService;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.core.user.UserService;
import dev.gatehouse.server.api.ApiRequest;
import dev.gatehouse.server.api.Shapes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who an MFA request is about, and how the API names an owner of a device.
 *
 * <p>AWS lets only the console assign a device to the root user; Gatehouse also lets the root
 * user do it through the API, and since EnableMFADevice requires a UserName, the root user names
 * itself by its account ID, which is the {@code UserId} AWS shows for it. Only the root user's own
 * requests read the account ID that way, so an IAM user named like an account ID stays reachable
 * by administrators.
 */
public final class MfaDeviceOwners {

    private final UserService users;
    private final AccountService accounts;

    public MfaDeviceOwners(UserService users, AccountService accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    /**
     * A principal that devices are assigned to, with the {@code UserName} the API shows for it:
     * the root user's is its account ID.
     */
    record Owner(PrincipalRef principal, String userName) {
    }

    /**
     * Authorizes the request on the devices of {@code name}, or of the caller when absent, then
     * finds that principal: the caller needs no look-up.
     *
     * @throws dev.gatehouse.core.error.NoSuchEntityException if no such user exists
     */
    Owner authorizeOnOwner(ApiRequest request, Optional<UserName> name) {
        if (name.isEmpty()) {
            request.authorizeOnUserOrSelf(Optional.empty());
            return callerAsOwner(request);
        }
        if (authorizeOnNamedOwner(request, name.get()).isPresent()) {
            return callerAsOwner(request);
        }
        IamUser user = users.getUser(request.account(), name.get());
        return new Owner(user.principal(), user.name().value());
    }

    /**
     * Authorizes the request on the devices of the user {@code name}: the caller's own principal
     * when the name is the caller's, empty when it names another user, for the caller to find.
     */
    Optional<PrincipalRef> authorizeOnNamedOwner(ApiRequest request, UserName name) {
        if (namesTheRootCaller(request, name)) {
            request.authorizeOnUserOrSelf(Optional.empty());
            return Optional.of(request.caller().principal());
        }
        request.authorizeOnUser(name);
        return request.caller().isUserNamed(name) ? Optional.of(request.caller().principal()) : Optional.empty();
    }

    private static Owner callerAsOwner(ApiRequest request) {
        return new Owner(request.caller().principal(),
                request.caller().userName().map(UserName::value).orElse(request.account().value()));
    }

    /** The {@code User} shape of a device's owner; for the root user, the root identity as GetUser shows it. */
    Map<String, Object> user(PrincipalRef owner) {
        if (owner instanceof PrincipalRef.User user) {
            return Shapes.user(requireUser(user));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Path", "/");
        root.put("UserName", owner.accountId().value());
        root.put("UserId", owner.accountId().value());
        root.put("Arn", owner.accountId().rootArn());
        root.put("CreateDate", accounts.getAccount(owner.accountId()).createdAt());
        return root;
    }

    private IamUser requireUser(PrincipalRef.User user) {
        // A device's assignment goes with its user (DeleteUser refuses while one remains), so a
        // missing user here is a broken invariant, not a caller's mistake.
        return users.findUser(user.accountId(), user.userId())
                .orElseThrow(() -> new IllegalStateException("an MFA device is assigned to a missing user " + user.userId()));
    }

    private static boolean namesTheRootCaller(ApiRequest request, UserName name) {
        return request.caller().isRoot() && name.value().equals(request.account().value());
    }
}
