package dev.gatehouse.core.store;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.SealedSecret;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.AccessKeyStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface AccessKeyRepository {

    void insert(AccessKey key);

    Optional<AccessKey> find(AccessKeyId id);

    /** The principal's keys by creation time. */
    List<AccessKey> listFor(PrincipalRef principal);

    boolean updateStatus(AccessKeyId id, AccessKeyStatus status);

    void recordUse(AccessKeyId id, Instant at, String region, String service);

    boolean delete(AccessKeyId id);

    /** Every key of the installation, for re-encryption under a new master key. */
    List<AccessKey> listAll();

    void updateSecret(AccessKeyId id, SealedSecret sealed);
}
