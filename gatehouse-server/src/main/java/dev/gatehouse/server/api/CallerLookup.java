package dev.gatehouse.server.api;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.server.sigv4.CredentialLookup;
import dev.gatehouse.server.sigv4.SigningCredential;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds who stands behind an access key, for SigV4 verification. */
public final class CallerLookup implements CredentialLookup<Caller> {

    private static final Pattern LONG_TERM_KEY = Pattern.compile("AKIA[A-Z0-9]{16}");

    private final IdentityServices services;

    public CallerLookup(IdentityServices services) {
        this.services = services;
    }

    @Override
    public Optional<SigningCredential<Caller>> find(String accessKeyId) {
        if (!LONG_TERM_KEY.matcher(accessKeyId).matches()) {
            return Optional.empty();
        }
        return services.accessKeys().signingKey(AccessKeyId.of(accessKeyId)).flatMap(signing -> caller(signing.key().principal(), accessKeyId)
                .map(caller -> SigningCredential.longTerm(accessKeyId, signing.secret().reveal(), true, caller)));
    }

    /** The caller for a principal, or empty when its user no longer exists. */
    private Optional<Caller> caller(PrincipalRef principal, String accessKeyId) {
        if (principal instanceof PrincipalRef.User user) {
            return services.users().findUser(user.accountId(), user.userId())
                    .map(found -> userCaller(found, accessKeyId));
        }
        return Optional.of(new Caller(principal, Optional.empty(), "arn:aws:iam::" + principal.accountId() + ":root", true,
                accessKeyId, false, Optional.empty()));
    }

    private static Caller userCaller(IamUser user, String accessKeyId) {
        return new Caller(user.principal(), Optional.of(user.name()), user.arn(), user.administrator(), accessKeyId, false,
                Optional.empty());
    }
}
