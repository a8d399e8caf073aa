package dev.gatehouse.server.api;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.authz.Caller;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.sts.ActiveSession;
import dev.gatehouse.core.sts.SessionAccessKeyId;
import dev.gatehouse.server.sigv4.CredentialLookup;
import dev.gatehouse.server.sigv4.SigningCredential;
import java.time.Instant;
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
        if (SessionAccessKeyId.isSessionKey(accessKeyId)) {
            return services.sessionTokens().find(accessKeyId).flatMap(this::temporary);
        }
        if (!LONG_TERM_KEY.matcher(accessKeyId).matches()) {
            return Optional.empty();
        }
        return services.accessKeys().signingKey(AccessKeyId.of(accessKeyId)).flatMap(signing -> caller(signing.key().principal(), accessKeyId)
                .map(caller -> SigningCredential.longTerm(accessKeyId, signing.secret().reveal(), true, caller)));
    }

    /**
     * Temporary credentials: they carry whether MFA was proved when they were issued, and die with
     * their user (a session outliving a deleted user must not keep working).
     */
    private Optional<SigningCredential<Caller>> temporary(ActiveSession session) {
        String accessKeyId = session.accessKeyId().value();
        Optional<Instant> mfaAt = Optional.ofNullable(session.mfa().authenticatedAt());
        return caller(session.principal(), accessKeyId, true, mfaAt).map(caller -> new SigningCredential<>(accessKeyId,
                session.secret().reveal(), true, Optional.of(session::tokenMatches), Optional.of(session.expiresAt()), caller));
    }

    private Optional<Caller> caller(PrincipalRef principal, String accessKeyId) {
        return caller(principal, accessKeyId, false, Optional.empty());
    }

    /** The caller for a principal, or empty when its user no longer exists. */
    private Optional<Caller> caller(PrincipalRef principal, String accessKeyId, boolean temporary, Optional<Instant> mfaAt) {
        if (principal instanceof PrincipalRef.User user) {
            return services.users().findUser(user.accountId(), user.userId()).map(found -> new Caller(found.principal(),
                    Optional.of(found.name()), found.arn(), found.administrator(), accessKeyId, temporary, mfaAt));
        }
        return Optional.of(new Caller(principal, Optional.empty(), "arn:aws:iam::" + principal.accountId() + ":root", true,
                accessKeyId, temporary, mfaAt));
    }
}
