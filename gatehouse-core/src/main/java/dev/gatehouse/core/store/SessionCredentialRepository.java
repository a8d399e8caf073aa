package dev.gatehouse.core.store;

import dev.gatehouse.core.crypto.SealedSecret;
import dev.gatehouse.core.sts.SessionAccessKeyId;
import dev.gatehouse.core.sts.SessionCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Temporary credentials issued by STS, until some time after they expire. */
public interface SessionCredentialRepository {

    /** @throws dev.gatehouse.core.error.EntityAlreadyExistsException if the access key ID is taken */
    void insert(SessionCredentials credentials);

    Optional<SessionCredentials> find(SessionAccessKeyId id);

    /** Deletes the credentials that expired before {@code cutoff}. @return how many */
    int deleteExpiredBefore(Instant cutoff);

    /** Every stored credential, for re-encryption under a new master key. */
    List<SessionCredentials> listAll();

    void updateSecret(SessionAccessKeyId id, SealedSecret sealed);
}
