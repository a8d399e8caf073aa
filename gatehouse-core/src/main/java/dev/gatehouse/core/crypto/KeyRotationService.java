package dev.gatehouse.core.crypto;

import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.sts.SessionCredentials;
import dev.gatehouse.core.user.AccessKey;
import java.util.Objects;

/**
 * Master key rotation: a new key becomes current and every sealed secret (MFA seeds, access-key
 * secrets, the secrets of temporary credentials) is re-encrypted under it in one transaction, so the
 * database is never half-rotated.
 * What {@code gatehouse keys rotate} calls. Servers holding the old key ring must be restarted to
 * open secrets sealed under the new key.
 */
public final class KeyRotationService {

    private final Store store;
    private final AuditTrail audit;

    public KeyRotationService(Store store, AuditTrail audit) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Adds a new key to the key file (durably, before any secret uses it) and re-encrypts every
     * secret under it.
     *
     * @throws IllegalStateException when the keys come from {@code GATEHOUSE_MASTER_KEY}: append a
     *     key there, restart, and call {@link #reencryptAll}
     */
    public Rotation rotate(MasterKeySource source, Origin origin) {
        KeyRing ring = source.addKey();
        return reencryptAll(ring, origin);
    }

    /** Re-encrypts every secret under {@code ring}'s current key, in one transaction. */
    public Rotation reencryptAll(KeyRing ring, Origin origin) {
        SecretCipher cipher = new SecretCipher(ring);
        return store.inTransaction(session -> {
            int devices = 0;
            for (MfaDevice device : session.mfaDevices().listAll()) {
                if (device.seed() != null) {
                    session.mfaDevices().updateSeed(device.id(), cipher.reseal(device.seed(), device.rowIdentity()));
                    devices++;
                }
            }
            int keys = 0;
            for (AccessKey key : session.accessKeys().listAll()) {
                session.accessKeys().updateSecret(key.id(), cipher.reseal(key.sealedSecret(), key.id().rowIdentity()));
                keys++;
            }
            int sessions = 0;
            for (SessionCredentials credentials : session.sessionCredentials().listAll()) {
                session.sessionCredentials().updateSecret(credentials.id(),
                        cipher.reseal(credentials.sealedSecret(), credentials.id().rowIdentity()));
                sessions++;
            }
            audit.record(session, null, "gatehouse", AuditAction.MASTER_KEY_ROTATED, AuditOutcome.SUCCESS, origin, false,
                    "now " + ring.current().id() + ": " + devices + " seeds, " + keys + " access keys, " + sessions
                            + " temporary credentials");
            return new Rotation(ring.current().id(), devices, keys, sessions, cipher);
        });
    }

    /** What a rotation did, and the cipher to use from now on. */
    public record Rotation(String currentKeyId, int mfaSeeds, int accessKeySecrets, int sessionSecrets,
            SecretCipher cipher) {
    }
}
