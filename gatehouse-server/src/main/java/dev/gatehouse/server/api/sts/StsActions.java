package dev.gatehouse.server.api.sts;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.sts.IssuedSessionCredentials;
import dev.gatehouse.core.sts.SessionTokenService;
import dev.gatehouse.server.api.ActionTable;
import dev.gatehouse.server.api.ApiRequest;
import java.util.Map;
import java.util.Optional;

/** GetCallerIdentity and GetSessionToken. */
public final class StsActions {

    private final SessionTokenService sessionTokens;

    public StsActions(SessionTokenService sessionTokens) {
        this.sessionTokens = sessionTokens;
    }

    public void addTo(ActionTable table) {
        table.addRead("GetCallerIdentity", StsActions::getCallerIdentity)
                .add("GetSessionToken", this::getSessionToken);
    }

    /** Works for every valid caller: AWS lets no policy deny it. */
    private static Map<String, ?> getCallerIdentity(ApiRequest request) {
        Caller caller = request.caller();
        request.authorize(caller.arn(), Optional.of(caller.principal()));
        String userId = caller.principal() instanceof PrincipalRef.User user ? user.userId().value() : caller.accountId().toString();
        return Map.of("UserId", userId, "Account", caller.accountId().toString(), "Arn", caller.arn());
    }

    /**
     * Temporary credentials for the caller; with SerialNumber and TokenCode, the code is verified
     * (once, within ±1 step of the device's drift, throttled) and the session carries MFA.
     */
    private Map<String, ?> getSessionToken(ApiRequest request) {
        Caller caller = request.caller();
        request.authorize(caller.arn(), Optional.of(caller.principal()));
        IssuedSessionCredentials issued = sessionTokens.issue(caller.principal(), caller.accessKeyId(),
                request.input().integer("DurationSeconds"),
                request.input().string("SerialNumber").map(SerialNumber::of),
                request.input().string("TokenCode"), request.origin());
        return Map.of("Credentials", Map.of(
                "AccessKeyId", issued.accessKeyId().value(),
                "SecretAccessKey", issued.secretAccessKey().reveal(),
                "SessionToken", issued.sessionToken().reveal(),
                "Expiration", issued.expiration()));
    }
}
