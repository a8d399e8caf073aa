package dev.gatehouse.core.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.error.AccessDeniedException;
import dev.gatehouse.core.user.UserId;
import dev.gatehouse.core.user.UserName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterimAuthorizerTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final AccountId OTHER_ACCOUNT = new AccountId("210987654321");
    private static final PrincipalRef BOB = PrincipalRef.user(ACCOUNT, new UserId("AIDABOB0000000000001"));
    private static final PrincipalRef CAROL = PrincipalRef.user(ACCOUNT, new UserId("AIDACAROL00000000001"));

    private final InterimAuthorizer authorizer = new InterimAuthorizer();

    private static Caller root() {
        return new Caller(PrincipalRef.root(ACCOUNT), Optional.empty(), "arn:aws:iam::123456789012:root", true, "AKIAROOT", false, Optional.empty());
    }

    private static Caller user(PrincipalRef principal, String name, boolean administrator) {
        return new Caller(principal, Optional.of(new UserName(name)), "arn:aws:iam::123456789012:user/" + name, administrator, "AKIAUSER", false, Optional.empty());
    }

    private static AccessRequest request(Caller caller, String action, AccountId account, PrincipalRef subject) {
        return new AccessRequest(caller, action, "arn:aws:iam::" + account + ":user/x", account, Optional.ofNullable(subject));
    }

    @Test
    void letsRootDoAnythingInItsOwnAccount() {
        assertThat(authorizer.decide(request(root(), "iam:DeleteUser", ACCOUNT, BOB))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void letsNobodyActOnAnotherAccount() {
        assertThat(authorizer.decide(request(root(), "iam:ListUsers", OTHER_ACCOUNT, null))).isEqualTo(Decision.DENY);
        assertThat(authorizer.decide(request(user(BOB, "bob", true), "iam:GetUser", OTHER_ACCOUNT, null))).isEqualTo(Decision.DENY);
    }

    @Test
    void letsAdministratorsDoAnythingInTheirAccount() {
        assertThat(authorizer.decide(request(user(BOB, "bob", true), "iam:CreateUser", ACCOUNT, null))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void letsAUserManageItsOwnCredentials() {
        Caller bob = user(BOB, "bob", false);

        assertThat(authorizer.decide(request(bob, "iam:EnableMFADevice", ACCOUNT, BOB))).isEqualTo(Decision.ALLOW);
        assertThat(authorizer.decide(request(bob, "iam:CreateAccessKey", ACCOUNT, BOB))).isEqualTo(Decision.ALLOW);
        assertThat(authorizer.decide(request(bob, "iam:ChangePassword", ACCOUNT, BOB))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void keepsAUserFromAnotherUsersCredentials() {
        Caller bob = user(BOB, "bob", false);

        assertThat(authorizer.decide(request(bob, "iam:DeactivateMFADevice", ACCOUNT, CAROL))).isEqualTo(Decision.DENY);
        assertThat(authorizer.decide(request(bob, "iam:ListAccessKeys", ACCOUNT, CAROL))).isEqualTo(Decision.DENY);
    }

    @Test
    void keepsAUserFromAdministration() {
        Caller bob = user(BOB, "bob", false);

        assertThat(authorizer.decide(request(bob, "iam:ListUsers", ACCOUNT, null))).isEqualTo(Decision.DENY);
        assertThat(authorizer.decide(request(bob, "iam:CreateUser", ACCOUNT, null))).isEqualTo(Decision.DENY);
        assertThat(authorizer.decide(request(bob, "iam:DeleteUser", ACCOUNT, BOB))).isEqualTo(Decision.DENY);
    }

    @Test
    void letsEveryUserAskWhoItIsAndGetASessionToken() {
        Caller bob = user(BOB, "bob", false);

        assertThat(authorizer.decide(request(bob, "sts:GetCallerIdentity", ACCOUNT, null))).isEqualTo(Decision.ALLOW);
        assertThat(authorizer.decide(request(bob, "sts:GetSessionToken", ACCOUNT, null))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void deniesWithAwsMessage() {
        Caller bob = user(BOB, "bob", false);
        AccessRequest listUsers = new AccessRequest(bob, "iam:ListUsers", "arn:aws:iam::123456789012:user/", ACCOUNT, Optional.empty());

        assertThatThrownBy(() -> authorizer.require(listUsers))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ListUsers"
                        + " on resource: arn:aws:iam::123456789012:user/");
    }
}
