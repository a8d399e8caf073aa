package dev.gatehouse.server.api.iam;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountService;
import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.authz.AccessRequest;
import dev.gatehouse.core.authz.Authorizer;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.InvalidUserTypeException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.user.LoginProfile;
import dev.gatehouse.core.user.PasswordService;
import dev.gatehouse.core.user.UserService;
import dev.gatehouse.server.api.ActionTable;
import dev.gatehouse.server.api.ApiRequest;
import dev.gatehouse.server.api.Arns;
import dev.gatehouse.server.query.QueryInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Console passwords: Create/Get/Update/DeleteLoginProfile, ChangePassword, and the account's
 * password policy (Get/Update/DeleteAccountPasswordPolicy).
 */
public final class PasswordActions {

    private final PasswordService passwords;
    private final AccountService accounts;
    private final Principals principals;

    public PasswordActions(PasswordService passwords, AccountService accounts, UserService users) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.principals = new Principals(users);
    }

    public void addTo(ActionTable table) {
        table.add("CreateLoginProfile", this::createLoginProfile)
                .addRead("GetLoginProfile", this::getLoginProfile)
                .add("UpdateLoginProfile", this::updateLoginProfile)
                .add("DeleteLoginProfile", this::deleteLoginProfile)
                .add("ChangePassword", this::changePassword)
                .addRead("GetAccountPasswordPolicy", this::getAccountPasswordPolicy)
                .add("UpdateAccountPasswordPolicy", this::updateAccountPasswordPolicy)
                .add("DeleteAccountPasswordPolicy", this::deleteAccountPasswordPolicy);
    }

    private Map<String, ?> createLoginProfile(ApiRequest request) {
        Principals.Subject subject = principals.authorizedSubject(request);
        Password password = Password.of(request.input().requiredString("Password"));
        LoginProfile profile = passwords.createLoginProfile(subject.principal(), password,
                request.input().bool("PasswordResetRequired").orElse(false), request.origin());
        return Map.of("LoginProfile", loginProfile(profile, subject));
    }

    private Map<String, ?> getLoginProfile(ApiRequest request) {
        Principals.Subject subject = principals.authorizedSubject(request);
        LoginProfile profile = passwords.findLoginProfile(subject.principal())
                .orElseThrow(() -> new NoSuchEntityException("Login Profile for User "
                        + subject.userName().map(Object::toString).orElse("root") + " cannot be found."));
        return Map.of("LoginProfile", loginProfile(profile, subject));
    }

    /** An administrator's reset: a new password, or only a new reset flag when no password is given. */
    private Map<String, ?> updateLoginProfile(ApiRequest request) {
        Principals.Subject subject = principals.authorizedSubject(request);
        Optional<Boolean> resetRequired = request.input().bool("PasswordResetRequired");
        Optional<String> password = request.input().string("Password");
        if (password.isPresent()) {
            passwords.resetPassword(subject.principal(), Password.of(password.get()), resetRequired.orElse(false),
                    request.origin());
        } else {
            passwords.setResetRequired(subject.principal(), resetRequired.orElse(false), request.origin());
        }
        return Map.of();
    }

    private Map<String, ?> deleteLoginProfile(ApiRequest request) {
        Principals.Subject subject = principals.authorizedSubject(request);
        passwords.deleteLoginProfile(subject.principal(), request.origin());
        return Map.of();
    }

    /**
     * The caller's own password; AWS keeps the root user's to the console. A policy without
     * AllowUsersToChangePassword leaves it to administrators, as AWS does for users without the
     * permission.
     */
    private Map<String, ?> changePassword(ApiRequest request) {
        Caller caller = request.caller();
        request.authorize(caller.arn(), Optional.of(caller.principal()));
        if (caller.isRoot()) {
            throw new InvalidUserTypeException("Only IAM users can change their password with this operation.");
        }
        if (!caller.administrator() && !accounts.getAccount(request.account()).passwordPolicy().allowUsersToChangePassword()) {
            throw Authorizer.denial(new AccessRequest(caller, "iam:ChangePassword", caller.arn(), request.account(),
                    Optional.of(caller.principal())));
        }
        passwords.changePassword(request.caller().principal(), Password.of(request.input().requiredString("OldPassword")),
                Password.of(request.input().requiredString("NewPassword")), request.origin());
        return Map.of();
    }

    private Map<String, ?> getAccountPasswordPolicy(ApiRequest request) {
        request.authorize(Arns.account(request.account()), Optional.empty());
        Account account = accounts.getAccount(request.account());
        if (!account.hasCustomPasswordPolicy()) {
            throw new NoSuchEntityException("The Password Policy with domain name " + request.account()
                    + " cannot be found.");
        }
        return Map.of("PasswordPolicy", passwordPolicy(account.passwordPolicy()));
    }

    /**
     * Members left out take AWS's defaults for a custom policy: 6 characters, nothing required, no
     * expiry, users not allowed to change their own password.
     */
    private Map<String, ?> updateAccountPasswordPolicy(ApiRequest request) {
        request.authorize(Arns.account(request.account()), Optional.empty());
        QueryInput input = request.input();
        PasswordPolicy policy = PasswordPolicy.custom(input.integer("MinimumPasswordLength").orElse(6),
                input.bool("RequireSymbols").orElse(false), input.bool("RequireNumbers").orElse(false),
                input.bool("RequireUppercaseCharacters").orElse(false), input.bool("RequireLowercaseCharacters").orElse(false),
                input.integer("PasswordReusePrevention").orElse(0), input.integer("MaxPasswordAge").orElse(0),
                input.bool("AllowUsersToChangePassword").orElse(false), input.bool("HardExpiry").orElse(false));
        accounts.updatePasswordPolicy(request.account(), policy, request.origin());
        return Map.of();
    }

    private Map<String, ?> deleteAccountPasswordPolicy(ApiRequest request) {
        request.authorize(Arns.account(request.account()), Optional.empty());
        accounts.deletePasswordPolicy(request.account(), request.origin());
        return Map.of();
    }

    private static Map<String, Object> loginProfile(LoginProfile profile, Principals.Subject subject) {
        Map<String, Object> shape = new LinkedHashMap<>();
        subject.userName().ifPresent(name -> shape.put("UserName", name.value()));
        shape.put("CreateDate", profile.createdAt());
        shape.put("PasswordResetRequired", profile.resetRequired());
        return shape;
    }

    /** The {@code PasswordPolicy} shape. */
    private static Map<String, Object> passwordPolicy(PasswordPolicy policy) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("MinimumPasswordLength", policy.minimumLength());
        shape.put("RequireSymbols", policy.requireSymbols());
        shape.put("RequireNumbers", policy.requireNumbers());
        shape.put("RequireUppercaseCharacters", policy.requireUppercase());
        shape.put("RequireLowercaseCharacters", policy.requireLowercase());
        shape.put("AllowUsersToChangePassword", policy.allowUsersToChangePassword());
        shape.put("ExpirePasswords", policy.maximumAgeDays() > 0);
        if (policy.maximumAgeDays() > 0) {
            shape.put("MaxPasswordAge", policy.maximumAgeDays());
        }
        if (policy.reusePrevention() > 0) {
            shape.put("PasswordReusePrevention", policy.reusePrevention());
        }
        shape.put("HardExpiry", policy.hardExpiry());
        return shape;
    }
}
