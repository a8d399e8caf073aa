package dev.gatehouse.server.api.sts;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.server.api.ActionTable;
import dev.gatehouse.server.api.ApiRequest;
import java.util.Map;
import java.util.Optional;

/** GetCallerIdentity. */
public final class StsActions {

    public void addTo(ActionTable table) {
        table.add("GetCallerIdentity", StsActions::getCallerIdentity);
    }

    /** Works for every valid caller: AWS lets no policy deny it. */
    private static Map<String, ?> getCallerIdentity(ApiRequest request) {
        Caller caller = request.caller();
        request.authorize(caller.arn(), Optional.of(caller.principal()));
        String userId = caller.principal() instanceof PrincipalRef.User user ? user.userId().value() : caller.accountId().toString();
        return Map.of("UserId", userId, "Account", caller.accountId().toString(), "Arn", caller.arn());
    }
}
